"""RSS/Atom feeds read from files: each entry becomes an article from its content or summary."""

from __future__ import annotations

from pathlib import Path

from marsad.errors import Refusal
from marsad.ingest import read
from marsad.models import Article

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار المدينة</title><link>https://city.example.org/</link>
<item><title>افتتاح جسر جديد</title><link>https://city.example.org/n/1</link>
<pubDate>Tue, 05 Mar 2024 10:30:00 +0300</pubDate>
<description>&lt;p&gt;افتتح المحافظ صباح اليوم جسرا جديدا فوق النهر.&lt;/p&gt;
&lt;p&gt;وقال إن الجسر يختصر الطريق.&lt;/p&gt;</description></item>
<item><title>مهرجان الكتاب</title><link>https://city.example.org/n/2</link>
<pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate><description>يبدأ مهرجان الكتاب السنوي يوم السبت.</description></item>
<item><title>خبر بلا نص</title><link>https://city.example.org/n/3</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>مدونة الحي</title>
<entry><title>حديقة للأطفال</title><link href="https://blog.example.org/p/7"/><updated>2024-04-01T09:00:00Z</updated>
<content type="html">&lt;p&gt;افتتحت البلدية حديقة للأطفال قرب المدرسة.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_entries_become_articles_with_title_url_date_and_outlet(tmp_path: Path) -> None:
    p = tmp_path / "feed.xml"
    p.write_text(RSS, encoding="utf-8")
    first, second, third = list(read([str(p)]))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "افتتاح جسر جديد" and first.url == "https://city.example.org/n/1"
    assert first.text == "افتتح المحافظ صباح اليوم جسرا جديدا فوق النهر.\nوقال إن الجسر يختصر الطريق."
    assert first.published == "2024-03-05T10:30:00+03:00"
    assert first.outlet == "أخبار المدينة"
    assert second.published == "2024-03-06T08:00:00+00:00"
    assert isinstance(third, Refusal) and third.source.endswith("#3") and "without text" in third.reason


def test_atom_entry_content_is_read(tmp_path: Path) -> None:
    p = tmp_path / "atom.xml"
    p.write_text(ATOM, encoding="utf-8")
    (a,) = list(read([str(p)]))
    assert isinstance(a, Article)
    assert a.text == "افتتحت البلدية حديقة للأطفال قرب المدرسة."
    assert a.published == "2024-04-01T09:00:00+00:00"


def test_feed_without_entries_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "empty.xml"
    p.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>فارغ</title></channel></rss>')
    (r,) = list(read([str(p)]))
    assert isinstance(r, Refusal) and "without entries" in r.reason
