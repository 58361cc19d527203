package cn.doorstep;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.booking.gate.SeatGate;
import cn.doorstep.reward.internal.StockGate;
import cn.doorstep.station.hours.HolidayCalendar;
import cn.doorstep.station.internal.StationKeys;
import io.lettuce.core.cluster.SlotHash;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Redis Cluster rule (DESIGN §5): a Lua script touches only keys it was passed in KEYS (never a
 * name it builds, reads from Redis or gets in ARGV), and the keys each script is passed share one hash
 * slot. The first half reads every {@link RedisScript} constant of the application and every {@code .lua}
 * resource; the second computes the slots of the names each script's caller passes, for one id, as
 * Redis Cluster does. ops/redis-cluster-test.sh runs the whole suite on a real cluster.
 */
class RedisClusterRulesTest {

    /** Commands whose every argument is a key; the others used here take one key, first, unless listed. */
    private static final Set<String> ALL_KEYS = Set.of("DEL", "UNLINK", "EXISTS", "MGET", "TOUCH", "WATCH");
    private static final Map<String, Integer> LEADING_KEYS = Map.of("RENAME", 2, "RENAMENX", 2, "SMOVE", 2,
            "LMOVE", 2, "RPOPLPUSH", 2, "COPY", 2, "GEOSEARCHSTORE", 2, "ZRANGESTORE", 2);
    /** Commands that take no key: none of the application's scripts may need one that does. */
    private static final Set<String> NO_KEYS = Set.of("TIME", "PING", "ECHO");

    private static final Pattern CALL = Pattern.compile("redis\\.p?call\\s*\\(");
    private static final Pattern FUNCTION = Pattern.compile("local\\s+function\\s+(\\w+)\\s*\\(([^)]*)\\)");
    private static final Pattern LOCAL_KEY = Pattern.compile("local\\s+(\\w+)\\s*=\\s*(KEYS\\s*\\[[^\\]]+\\])\\s*$",
            Pattern.MULTILINE);
    private static final Pattern KEYS_ELEMENT = Pattern.compile("KEYS\\s*\\[[^\\]\\[]+\\]");

    @Test
    void everyLuaScriptTouchesOnlyKeysItWasPassed() throws Exception {
        Map<String, String> scripts = applicationScripts();
        assertThat(scripts).as("the scripts found").hasSizeGreaterThan(20)
                .containsKeys("cn.doorstep.auth.TokenService.RESOLVE", "cn.doorstep.station.map.StationIndex.WRITE",
                        "cn.doorstep.station.map.StationIndex.NEARBY", "cn.doorstep.booking.gate.SeatGate.RESERVE");

        Map<String, List<String>> offences = new LinkedHashMap<>();
        scripts.forEach((name, lua) -> {
            List<String> found = offences(lua);
            if (!found.isEmpty()) {
                offences.put(name, found);
            }
        });

        assertThat(offences).as("keys a script reaches without being passed them").isEmpty();
    }

    @Test
    void theCheckCatchesKeysBuiltInsideAScript() {
        // the session check before the hash tags: it built the roles' keys from the user it found
        assertThat(offences("""
                local session = redis.call('GET', KEYS[1])
                return {redis.call('GET', ARGV[4] .. session), redis.call('GET', ARGV[5] .. session)}
                """)).hasSize(2);
        // the index write before: the rebuild's keys made of the passed ones and a token read from Redis
        assertThat(offences("""
                local function apply(warm, i) redis.call('GEOADD', warm, ARGV[i], ARGV[i + 1], 'x') end
                local token = redis.call('GET', KEYS[2])
                apply(KEYS[1], 2)
                apply(KEYS[1] .. ':next:' .. token, 2)
                """)).hasSize(1);
        assertThat(offences("""
                for _, hash in ipairs(redis.call('SMEMBERS', KEYS[1])) do redis.call('DEL', ARGV[1] .. hash) end
                redis.call('RENAME', KEYS[1], ARGV[2])
                """)).hasSize(2);
        assertThat(offences("""
                local live = KEYS[2]
                redis.call('RENAME', KEYS[1], live)
                """)).isEmpty();
    }

    @Test
    void theKeysEachScriptIsPassedShareOneSlot() throws Exception {
        long id = 4_242;
        assertOneSlot("seat gate", SeatGate.seatsKey(id), SeatGate.holdersKey(id));
        assertOneSlot("stock gate", StockGate.key(id), call(StockGate.class, "genKey", id),
                call(StockGate.class, "requestsKey", id));
        Class<?> tokens = Class.forName("cn.doorstep.auth.TokenService");
        Class<?> roles = Class.forName("cn.doorstep.auth.RoleService");
        assertOneSlot("a user's sessions and roles", call(tokens, "sessionKey", id, "ab12"),
                call(tokens, "userTokensKey", id), call(roles, "cacheKey", id), call(roles, "versionKey", id));
        assertOneSlot("an inbox's first page", call(Class.forName("cn.doorstep.notify.InboxFirstPages"), "copyKey", id),
                call(Class.forName("cn.doorstep.notify.InboxFirstPages"), "versionKey", id));
        String ranking = call(Class.forName("cn.doorstep.points.rank.Leaderboard"), "key", id, 2026);
        assertOneSlot("a leaderboard's swap", ranking, ranking + ":fresh", ranking + ":build:0f1e");

        List<String> map = new ArrayList<>(List.of(StationKeys.FACETS, StationKeys.CARDS, StationKeys.VERSIONS,
                StationKeys.READY, StationKeys.REBUILDING, StationKeys.GEO_PREFIX + "WARM", StationKeys.GEO_PREFIX + "SERVICE",
                StationKeys.DETAIL_PREFIX + id, StationKeys.mapRate("203.0.113.7"), StationKeys.mapRate("2001:db8::/64"),
                HolidayCalendar.KEY));
        map.addAll(map.stream().filter(key -> !key.contains(":detail:") && !key.startsWith("rate:"))
                .map(key -> key + StationKeys.NEXT_SUFFIX).toList());
        assertOneSlot("the map", map.toArray(String[]::new));
    }

    @Test
    void differentIdsSpreadOverTheCluster() {
        var slots = new HashSet<Integer>();
        for (long id = 1; id <= 100; id++) {
            slots.add(SlotHash.getSlot(SeatGate.seatsKey(id)));
        }
        assertThat(slots).as("slots of 100 slots' gates").hasSizeGreaterThan(90);
    }

    private static void assertOneSlot(String what, String... keys) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (String key : keys) {
            slots.put(key, SlotHash.getSlot(key));
        }
        assertThat(new HashSet<>(slots.values())).as("%s: %s", what, slots).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static <T> T call(Class<?> type, String name, Object... args) throws ReflectiveOperationException {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length
                    && Modifier.isStatic(method.getModifiers())) {
                method.setAccessible(true);
                return (T) method.invoke(null, args);
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }

    /** Every RedisScript constant of the application's classes (by class and field), and every .lua resource. */
    private static Map<String, String> applicationScripts() throws IOException, ClassNotFoundException {
        Map<String, String> scripts = new LinkedHashMap<>();
        Path classes = Path.of("target", "classes");
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(classes::relativize).map(Path::toString).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).sorted().toList();
        }
        for (String name : names) {
            Class<?> type = Class.forName(name, false, RedisClusterRulesTest.class.getClassLoader());
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && RedisScript.class.isAssignableFrom(field.getType())) {
                    field.setAccessible(true);
                    try {
                        scripts.put(name + "." + field.getName(), ((RedisScript<?>) field.get(null)).getScriptAsString());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        Path resources = Path.of("src", "main", "resources");
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path lua : files.filter(f -> f.toString().endsWith(".lua")).toList()) {
                scripts.put(resources.relativize(lua).toString(), Files.readString(lua));
            }
        }
        return scripts;
    }

    /** The redis.call()s of a script that name a key other than KEYS[...] or a name bound only to one. */
    static List<String> offences(String lua) {
        Set<String> keyNames = keyNames(lua);
        List<String> found = new ArrayList<>();
        Matcher call = CALL.matcher(lua);
        while (call.find()) {
            List<String> args = arguments(lua, call.end() - 1);
            if (args.isEmpty()) {
                found.add("a call without a command");
                continue;
            }
            String command = args.get(0).replaceAll("^['\"]|['\"]$", "").toUpperCase();
            if (NO_KEYS.contains(command)) {
                continue;
            }
            int keyCount = ALL_KEYS.contains(command) ? args.size() - 1 : LEADING_KEYS.getOrDefault(command, 1);
            for (int i = 1; i <= keyCount && i < args.size(); i++) {
                String key = args.get(i).strip();
                if (!isKeysElement(key) && !keyNames.contains(key)) {
                    found.add("redis.call(" + String.join(", ", args) + "): key argument " + i + " is " + key);
                }
            }
        }
        return found;
    }

    private static boolean isKeysElement(String expression) {
        return KEYS_ELEMENT.matcher(expression).matches();
    }

    /**
     * Names bound only to passed keys: {@code local x = KEYS[i]}, and the parameters of a local function
     * that every call of it fills with KEYS[...] or such a name (found again until nothing changes).
     */
    private static Set<String> keyNames(String lua) {
        Set<String> names = new HashSet<>();
        Matcher local = LOCAL_KEY.matcher(lua);
        while (local.find()) {
            names.add(local.group(1));
        }
        Map<String, List<String>> functions = new LinkedHashMap<>();
        Matcher function = FUNCTION.matcher(lua);
        while (function.find()) {
            functions.put(function.group(1), Stream.of(function.group(2).split(",")).map(String::strip).toList());
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var entry : functions.entrySet()) {
                Matcher use = Pattern.compile("(?<!function\\s)\\b" + entry.getKey() + "\\s*\\(").matcher(lua);
                List<List<String>> calls = new ArrayList<>();
                while (use.find()) {
                    calls.add(arguments(lua, use.end() - 1));
                }
                List<String> params = entry.getValue();
                for (int p = 0; p < params.size(); p++) {
                    if (names.contains(params.get(p)) || calls.isEmpty()) {
                        continue;
                    }
                    final int at = p;
                    boolean allKeys = calls.stream().allMatch(args -> args.size() > at
                            && (isKeysElement(args.get(at).strip()) || names.contains(args.get(at).strip())));
                    if (allKeys) {
                        names.add(params.get(p));
                        changed = true;
                    }
                }
            }
        }
        return names;
    }

    /** The top-level, comma-separated arguments of the call whose '(' is at {@code open}. */
    private static List<String> arguments(String text, int open) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        var current = new StringBuilder();
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == quote && text.charAt(i - 1) != '\\') {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (!current.toString().isBlank()) {
                        args.add(current.toString().strip());
                    }
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return args;
    }
}
