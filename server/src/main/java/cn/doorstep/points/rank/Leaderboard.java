package cn.doorstep.points.rank;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.Zones;
import cn.doorstep.community.CommunityError;
import cn.doorstep.community.CommunityService;
import cn.doorstep.points.internal.LedgerMapper;
import cn.doorstep.user.DisplayNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Per-community rankings of points earned this year (China time), as Redis sorted sets
 * {@code points:rank:{community:year}} (the braces are the hash tag its {@code :build:*} and {@code :fresh} keys share,
 * so the swap's RENAME stays in one Redis Cluster slot). Each award adds to the set after its commit; the set is
 * rebuilt from the ledger when it is missing and every few minutes (a {@code :fresh} marker expires),
 * so a lost Redis or an increment that raced a rebuild corrects itself. MySQL is the record.
 */
@Component
public class Leaderboard {

    static final Duration FRESH_FOR = Duration.ofMinutes(10);

    /** Adds to a ranking only if it exists: a missing one is rebuilt whole from MySQL. */
    private static final RedisScript<Long> ADD_IF_PRESENT = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('ZINCRBY', KEYS[1], ARGV[1], ARGV[2])
            return 1
            """, Long.class);

    /**
     * Swaps a freshly built ranking in (KEYS: built, live, fresh marker; ARGV: marker TTL ms, ranking
     * TTL ms). An empty ranking holds the placeholder member {@code _} so that it exists.
     */
    private static final RedisScript<Long> SWAP = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('RENAME', KEYS[1], KEYS[2])
            else redis.call('DEL', KEYS[2]) end
            redis.call('ZADD', KEYS[2], 0, '_')
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            redis.call('SET', KEYS[3], '1', 'PX', ARGV[1])
            return 1
            """, Long.class);

    /** A year's ranking is kept a while into the next year. */
    private static final Duration KEEP = Duration.ofDays(400);

    private final StringRedisTemplate redis;
    private final LedgerMapper ledger;
    private final CommunityService communities;
    private final DisplayNames names;
    private final Clock clock;

    Leaderboard(StringRedisTemplate redis, LedgerMapper ledger, CommunityService communities, DisplayNames names,
                Clock clock) {
        this.redis = redis;
        this.ledger = ledger;
        this.communities = communities;
        this.names = names;
        this.clock = clock;
    }

    /**
     * One place in a ranking, with how the user appears to others: their nickname, else their registered
     * name masked (张*), else null (show a placeholder); and their avatar, null when none.
     */
    public record Place(int rank, long userId, long points, String displayName, String avatarUrl) {
    }

    /** After an award committed: the user's points in that community's ranking of that year grow. */
    public void earned(long communityId, long userId, long points, Instant at) {
        int year = at.atZone(Zones.CHINA).getYear();
        redis.execute(ADD_IF_PRESENT, List.of(key(communityId, year)), Long.toString(points), Long.toString(userId));
    }

    /**
     * The top {@code limit} of this year's ranking, and {@code userId}'s own place (null when unranked).
     * An unknown community is a 404.
     */
    public Standing standing(long communityId, int limit, long userId) {
        int year = LocalDate.now(clock.withZone(Zones.CHINA)).getYear();
        String key = key(communityId, year);
        if (!Boolean.TRUE.equals(redis.hasKey(key + ":fresh"))) {
            // only here, before building one: a fresh ranking exists only for a community that does, so
            // the common read costs no MySQL query, and an unknown id leaves no empty ranking behind
            if (!communities.exists(communityId)) {
                throw new ApiException(CommunityError.COMMUNITY_NOT_FOUND);
            }
            rebuild(communityId, year);
        }
        var ranked = new ArrayList<long[]>(); // rank, user, points
        var tuples = redis.opsForZSet().reverseRangeWithScores(key, 0, limit);
        if (tuples != null) {
            for (TypedTuple<String> t : tuples) {
                if ("_".equals(t.getValue()) || ranked.size() == limit) { // the placeholder, or one too many
                    continue;
                }
                ranked.add(new long[] {ranked.size() + 1, Long.parseLong(t.getValue()), Math.round(t.getScore())});
            }
        }
        Long myRank = redis.opsForZSet().reverseRank(key, Long.toString(userId));
        Double myScore = redis.opsForZSet().score(key, Long.toString(userId));
        if (myRank != null && myScore != null) {
            ranked.add(new long[] {myRank + 1, userId, Math.round(myScore)});
        }
        // who they are: one lookup for the whole board, however long
        Map<Long, DisplayNames.Display> shown = names.of(ranked.stream().map(r -> r[1]).distinct().toList());
        List<Place> places = ranked.stream().map(r -> {
            DisplayNames.Display d = shown.get(r[1]);
            return new Place((int) r[0], r[1], r[2], d == null ? null : d.name(), d == null ? null : d.avatarUrl());
        }).toList();
        boolean ranksMe = myRank != null && myScore != null;
        return new Standing(year, ranksMe ? places.subList(0, places.size() - 1) : places,
                ranksMe ? places.get(places.size() - 1) : null);
    }

    /** A year's ranking: the top places, and the asking user's own. */
    public record Standing(int year, List<Place> top, Place mine) {
    }

    /** Builds the year's ranking from the ledger under a temporary key and swaps it in. */
    void rebuild(long communityId, int year) {
        Instant since = LocalDate.of(year, 1, 1).atStartOfDay(Zones.CHINA).toInstant();
        Map<String, Double> scores = new HashMap<>();
        ledger.selectEarnedInCommunitySince(communityId, since)
                .forEach(p -> scores.put(Long.toString(p.userId()), (double) p.points()));
        String live = key(communityId, year);
        String built = live + ":build:" + UUID.randomUUID();
        if (!scores.isEmpty()) {
            redis.opsForZSet().add(built, scores.entrySet().stream()
                    .map(e -> TypedTuple.of(e.getKey(), e.getValue())).collect(java.util.stream.Collectors.toSet()));
            redis.expire(built, Duration.ofMinutes(1));
        }
        redis.execute(SWAP, List.of(built, live, live + ":fresh"), Long.toString(FRESH_FOR.toMillis()),
                Long.toString(KEEP.toMillis()));
    }

    static String key(long communityId, int year) {
        return "points:rank:{" + communityId + ":" + year + "}";
    }
}
