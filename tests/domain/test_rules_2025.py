"""Age bands of the member statistics (issue 15 decision: 51—59岁 and 60岁及以上, no age twice).

Independent sources:
- 《中华人民共和国老年人权益保障法》第二条: "本法所称老年人是指六十周岁以上的公民" — and
  《刑法》第九十九条 ("本法所称以上、以下、以内，包括本数"): in Chinese usage a person of exactly
  60 is "60岁以上", so the old pair 51—60岁 / 60岁以上 counted 60 in the wrong band and the label
  read two ways. 60 belongs to 60岁及以上.
- The ages are counted in whole years (周岁) by hand below, one member per age from 18 to 75,
  each born on the reference day (the birthday itself is the first day of the new age).
"""

from __future__ import annotations

import datetime as dt

from union_desk.db.models import Member
from union_desk.services import member_stats, stats

AS_OF = dt.date(2026, 12, 31)
# band -> the ages it holds, written out by hand
EXPECTED = {
    "30岁及以下": range(0, 31),
    "31—40岁": range(31, 41),
    "41—50岁": range(41, 51),
    "51—59岁": range(51, 60),
    "60岁及以上": range(60, 76),
}


def test_band_labels():
    assert member_stats.AGE_BANDS == tuple(EXPECTED)


def test_every_age_in_exactly_one_band(db):
    for age in range(18, 76):
        Member.create(name=f"满{age}", sex="男", birth_date=AS_OF.replace(year=AS_OF.year - age))
        # one day younger: still age - 1 on the reference day
        Member.create(name=f"差一天{age}", sex="女", birth_date=AS_OF.replace(year=AS_OF.year - age) + dt.timedelta(days=1))
    m = stats.year_stats(2026, today=dt.date(2027, 1, 15)).members
    assert m.as_of == AS_OF
    expected = {band: 0 for band in EXPECTED}
    for age in list(range(18, 76)) + [a - 1 for a in range(18, 76)]:
        for band, ages in EXPECTED.items():
            if age in ages:
                expected[band] += 1
    assert m.by_age == expected
    assert sum(m.by_age.values()) == m.total == Member.select().count()


def test_sixty_is_sixty_and_over(db):
    Member.create(name="刚满60", sex="男", birth_date=dt.date(1966, 12, 31))
    Member.create(name="59岁", sex="男", birth_date=dt.date(1967, 1, 1))
    m = stats.year_stats(2026, today=dt.date(2027, 1, 15)).members
    assert m.by_age["60岁及以上"] == 1
    assert m.by_age["51—59岁"] == 1
