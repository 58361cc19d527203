#!/usr/bin/env python3
"""One city's year of facts for the statistics benchmark (bench/stats/run.sh), as tab-separated files for
LOAD DATA LOCAL INFILE and the SQL that loads them.

The city itself (5 districts x 10 streets, ~450 communities, 797 stations of which ~10 % are riders' warm
stations, a platform admin) is bench/coverage/gen_coverage.py's Jilin, loaded first; this script reads its
stations back (--stations: "id<TAB>community_id<TAB>kinds" per line, from the database) and writes, for the
365 China days ending --last (yesterday):

* residents (app_user, homed in the communities), volunteers among them, riders (app_user + rider);
* --wishes wishes: posted at daytime hours over the year; 2 % rejected at review, 5 % cancelled, the rest
  published a few minutes after posting, claimed after a log-normal delay (median ~45 min), fulfilled
  (median ~20 h later) and confirmed by the poster with a rating (median ~8 h later) or automatically after
  72 h; what has not happened by the end of the year is still OPEN / CLAIMED / FULFILLED; 0.5 % disputed;
* --bookings bookings: one bookable service per station, hourly slots 09:00-17:00 China time of capacity 8,
  1-8 distinct residents per slot; 12 % cancelled, of the rest 85 % checked in and 15 % no-shows (the last
  day's still BOOKED);
* --checkins rider check-ins at warm stations: distinct (rider, station, day), never before the rider's
  registration, at 08:00-22:00 China time.

Times are UTC (the app's JDBC zone), days China days. Python's random with a fixed seed: the same files on
every run for the same --last.
"""
import argparse
import datetime as dt
import math
import os
import random

CATEGORIES = ["DAILY_HELP", "REPAIRS", "COMPANY", "ELDERLY_CARE", "STUDY_HELP", "OTHER"]
CAT_WEIGHTS = [30, 25, 12, 18, 8, 7]
CHINA = 8 * 3600
N = "\\N"
_day_cache = {}


def ts(sec):
    """'YYYY-MM-DD HH:MM:SS.000' of a UTC epoch second."""
    sec = int(sec)
    d, r = divmod(sec, 86400)
    s = _day_cache.get(d)
    if s is None:
        s = _day_cache[d] = (dt.date(1970, 1, 1) + dt.timedelta(days=d)).isoformat()
    return "%s %02d:%02d:%02d.000" % (s, r // 3600, r // 60 % 60, r % 60)


def lognormal(rng, median_min, sigma):
    return 60 * median_min * math.exp(rng.gauss(0, sigma))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--stations", required=True)
    p.add_argument("--last", required=True, help="the year's last China day (yesterday), YYYY-MM-DD")
    p.add_argument("--out", required=True, help="directory for the .tsv files and load.sql")
    p.add_argument("--wishes", type=int, default=1_000_000)
    p.add_argument("--bookings", type=int, default=1_000_000)
    p.add_argument("--checkins", type=int, default=1_000_000)
    p.add_argument("--residents", type=int, default=100_000)
    p.add_argument("--riders", type=int, default=6_000)
    p.add_argument("--seed", type=int, default=2026)
    a = p.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)

    stations = []  # (id, community, kinds)
    for line in open(a.stations):
        sid, cid, kinds = line.rstrip("\n").split("\t")
        stations.append((int(sid), int(cid), kinds))
    warm = [s for s in stations if "WARM" in s[2]]
    last = dt.date.fromisoformat(a.last)
    first = last - dt.timedelta(days=364)
    days = 365
    epoch0 = (first - dt.date(1970, 1, 1)).days * 86400 - CHINA  # UTC second of the first China midnight
    end = epoch0 + days * 86400  # the end of the last China day: nothing happens after it
    now = ts(end)

    def china_daytime(day, lo_h, hi_h):
        return epoch0 + day * 86400 + rng.uniform(lo_h, hi_h) * 3600

    # ---- users: residents 1..R (homed in the communities of the stations' city), riders after them
    all_comms = [int(x) for x in open(a.stations + ".communities").read().split()]
    R = a.residents
    home = [0] * (R + 1)
    with open(os.path.join(a.out, "app_user.tsv"), "w") as f:
        for u in range(1, R + 1):
            c = all_comms[rng.randrange(len(all_comms))]
            home[u] = c
            t = ts(epoch0 - rng.randrange(1, 400) * 86400)
            f.write(f"{u}\tbench-stats-{u}\t{c}\t{t}\t{t}\n")
        rider_user0 = R
        for r in range(1, a.riders + 1):
            u = rider_user0 + r
            t = ts(epoch0 - 400 * 86400)
            f.write(f"{u}\tbench-stats-{u}\t\\N\t{t}\t{t}\n")
    volunteers = rng.sample(range(1, R + 1), max(1, R // 20))
    by_comm = {}
    for u in range(1, R + 1):
        by_comm.setdefault(home[u], []).append(u)

    # ---- wishes
    counts = {}
    with open(os.path.join(a.out, "wish.tsv"), "w") as f:
        for i in range(1, a.wishes + 1):
            day = rng.randrange(days)
            created = china_daytime(day, 7, 22)
            comm = all_comms[rng.randrange(len(all_comms))]
            pool = by_comm.get(comm) or [1]
            poster = pool[rng.randrange(len(pool))]
            cat = rng.choices(CATEGORIES, CAT_WEIGHTS)[0]
            pub = claimer = claimed = fulfilled = confirmed = confirmed_by = rating = hours = cancelled = reviewed = N
            x = rng.random()
            if x < 0.02:
                status, reviewed = "REJECTED", ts(created + lognormal(rng, 60, 1))
            elif x < 0.07:
                status = "CANCELLED"
                pub = ts(created + rng.uniform(5, 300))
                cancelled = ts(min(end - 1, created + lognormal(rng, 180, 1)))
            else:
                p_at = created + rng.uniform(5, 300)
                pub = ts(p_at)
                c_at = p_at + lognormal(rng, 45, 1.2)
                if x > 0.99 or c_at >= end:
                    status = "OPEN"
                else:
                    claimer, claimed = volunteers[rng.randrange(len(volunteers))], ts(c_at)
                    f_at = c_at + lognormal(rng, 20 * 60, 0.8)
                    if f_at >= end:
                        status = "CLAIMED"
                    else:
                        fulfilled, hours = ts(f_at), "%.1f" % rng.choice([0.5, 1, 1, 1.5, 2, 3])
                        auto = rng.random() < 0.2
                        k_at = f_at + (72 * 3600 if auto else min(72 * 3600 - 60, lognormal(rng, 8 * 60, 1)))
                        if k_at >= end:
                            status = "FULFILLED"
                        elif x > 0.985:
                            status = "DISPUTED"
                        else:
                            status, confirmed = "CONFIRMED", ts(k_at)
                            if not auto:
                                confirmed_by, rating = poster, rng.choices([5, 4, 3, 2, 1], [70, 20, 6, 2, 2])[0]
            counts[status] = counts.get(status, 0) + 1
            c = ts(created)
            f.write(f"{i}\t{poster}\t{comm}\t心愿{i}\t帮忙的事{i}\t{cat}\tNORMAL\t居民\t某小区{i % 97 + 1}栋\t{status}\tPASS\t"
                    f"{reviewed}\t{pub}\t{claimer}\t{claimed}\t{hours}\t{fulfilled}\t{rating}\t{confirmed_by}\t{confirmed}\t"
                    f"{cancelled}\t{c}\t{now}\n")

    # ---- bookings: a service per station, hourly slots, 1..8 residents each
    S = len(stations)
    weekly = '[' + ','.join('{"day":%d,"opens":"09:00","closes":"17:00"}' % d for d in range(1, 8)) + ']'
    with open(os.path.join(a.out, "booking_service.tsv"), "w") as f:
        for k, (sid, _, _) in enumerate(stations, 1):
            t = ts(epoch0 - 30 * 86400)
            f.write(f"{k}\t{sid}\t便民服务{k}\tSERVICE\t{8}\t60\t{weekly}\t14\t60\t60\t3\tALL\tACTIVE\t{t}\t{t}\n")
    per_slot = 4.0  # fewer than the mean of 4.5 bookings a slot: the last slots are left unused
    n_slots = min(S * days * 8, int(a.bookings / per_slot) + 1)
    keys = sorted(rng.sample(range(S * days * 8), n_slots), key=lambda k: (k // 8 % days, k))
    b_id = 0
    slots = 0
    bstat = {}
    with open(os.path.join(a.out, "booking_slot.tsv"), "w") as fs, open(os.path.join(a.out, "booking.tsv"), "w") as fb:
        for slot_id, key in enumerate(keys, 1):
            if b_id >= a.bookings:
                break
            svc, day, hour = key // (days * 8), key // 8 % days, key % 8
            station = stations[svc][0]
            starts = epoch0 + day * 86400 + (9 + hour) * 3600
            s_at, e_at = ts(starts), ts(starts + 3600)
            china_day = first + dt.timedelta(days=day)
            week_start = (china_day - dt.timedelta(days=china_day.weekday())).isoformat()
            k = min(rng.randint(1, 8), a.bookings - b_id)
            u0 = rng.randrange(1, R + 1)
            active = 0
            for j in range(k):
                b_id += 1
                user = (u0 + j * 7919) % R + 1
                created = starts - rng.uniform(3600, 7 * 86400)
                cancelled = cancelled_by = checked = checked_by = N
                if rng.random() < 0.12:
                    status, key_ = "CANCELLED", N
                    cancelled, cancelled_by = ts(rng.uniform(created, starts - 3600)), user
                else:
                    active += 1
                    key_ = 1
                    if day == days - 1 and rng.random() < 0.5:
                        status = "BOOKED"
                    elif rng.random() < 0.85:
                        status, checked, checked_by = "CHECKED_IN", ts(starts + rng.uniform(-600, 900)), 9200001
                    else:
                        status = "NO_SHOW"
                bstat[status] = bstat.get(status, 0) + 1
                code = "S%09d" % b_id
                fb.write(f"{b_id}\t{slot_id}\t{user}\t{station}\t{svc + 1}\t{code}\t{status}\t{key_}\t{s_at}\t{e_at}\t"
                         f"{week_start}\t{ts(created)}\t{cancelled}\t{cancelled_by}\t{checked}\t{checked_by}\n")
            slots += 1
            fs.write(f"{slot_id}\t{station}\t{svc + 1}\t{s_at}\t{e_at}\t8\t{active}\tOPEN\t{ts(starts - 14 * 86400)}\n")

    # ---- riders and their check-ins at warm stations
    NR = a.riders
    reg_day = [0] * (NR + 1)
    fav = [None] * (NR + 1)
    rstat = {}
    with open(os.path.join(a.out, "rider.tsv"), "w") as f:
        for r in range(1, NR + 1):
            d = -rng.randrange(1, 200) if rng.random() < 0.7 else rng.randrange(days)
            reg_day[r] = d
            fav[r] = [warm[rng.randrange(len(warm))][0] for _ in range(3)]
            created = china_daytime(d, 8, 20)
            x = rng.random()
            status = "VERIFIED" if x < 0.85 else "PENDING" if x < 0.95 else "REJECTED"
            reviewed = N if status == "PENDING" else ts(min(end - 1, created + lognormal(rng, 600, 1)))
            rstat[status] = rstat.get(status, 0) + 1
            f.write(f"{r}\t{rider_user0 + r}\tMEITUAN\t骑手{r}\t{all_comms[rng.randrange(len(all_comms))]}\t{status}\t"
                    f"{reviewed}\t{ts(created)}\t{ts(created)}\n")
    want = a.checkins
    pairs = NR * days
    cand = rng.sample(range(pairs), min(pairs, int(want * 1.35)))
    n = 0
    rows = []
    for c in cand:
        r, day = c // days + 1, c % days
        if day < reg_day[r]:
            continue
        rows.append((day, r))
        n += 1
        if n >= want:
            break
    rows.sort()
    with open(os.path.join(a.out, "rider_checkin.tsv"), "w") as f:
        for i, (day, r) in enumerate(rows, 1):
            station = fav[r][rng.randrange(3)]
            f.write(f"{i}\t{r}\t{station}\t{(first + dt.timedelta(days=day)).isoformat()}\t"
                    f"{ts(china_daytime(day, 8, 22))}\n")

    load = f"""SET NAMES utf8mb4;
SET unique_checks = 0; SET foreign_key_checks = 0;
LOAD DATA LOCAL INFILE '{a.out}/app_user.tsv' INTO TABLE app_user (id, openid, community_id, created_at, updated_at);
LOAD DATA LOCAL INFILE '{a.out}/wish.tsv' INTO TABLE wish (id, poster_id, community_id, title, body, category, urgency,
    contact_name, address, status, check_result, reviewed_at, published_at, claimer_id, claimed_at, fulfil_hours,
    fulfilled_at, rating, confirmed_by, confirmed_at, cancelled_at, created_at, updated_at);
LOAD DATA LOCAL INFILE '{a.out}/booking_service.tsv' INTO TABLE booking_service (id, station_id, name, kind, capacity,
    slot_minutes, weekly, horizon_days, min_notice_minutes, cancel_deadline_minutes, weekly_limit, audience, status,
    created_at, updated_at);
LOAD DATA LOCAL INFILE '{a.out}/booking_slot.tsv' INTO TABLE booking_slot (id, station_id, service_id, starts_at, ends_at,
    capacity, booked, status, created_at);
LOAD DATA LOCAL INFILE '{a.out}/booking.tsv' INTO TABLE booking (id, slot_id, user_id, station_id, service_id, code, status,
    active_key, starts_at, ends_at, week_start, created_at, cancelled_at, cancelled_by, checked_in_at, checked_in_by);
LOAD DATA LOCAL INFILE '{a.out}/rider.tsv' INTO TABLE rider (id, user_id, platform, real_name, home_community_id, status,
    reviewed_at, created_at, updated_at);
LOAD DATA LOCAL INFILE '{a.out}/rider_checkin.tsv' INTO TABLE rider_checkin (id, rider_id, station_id, checkin_date, created_at);
"""
    with open(os.path.join(a.out, "load.sql"), "w") as f:
        f.write(load)
    print(f"year {first}..{last} ({days} China days): stations={S} warm={len(warm)} communities={len(all_comms)} "
          f"residents={R} riders={NR} {dict(sorted(rstat.items()))}")
    print(f"wishes={a.wishes} {dict(sorted(counts.items()))}")
    print(f"bookings={b_id} slots={slots} {dict(sorted(bstat.items()))}")
    print(f"checkins={len(rows)}")


if __name__ == "__main__":
    main()
