package cn.doorstep.user;

import cn.doorstep.media.ImageCheck;
import cn.doorstep.media.MediaService;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How users appear to other users in a public list (the leaderboard): their nickname, else their name
 * as registered (a verified rider's, a confirmed party member's) masked to its first character
 * (张*), else nothing; and their avatar, once WeChat's media check passed it. One query for the users and one per kind of registration,
 * however many are asked for.
 */
@Component
public class DisplayNames {

    private final UserService users;
    private final List<RegisteredNames> registries;
    private final MediaService media;

    DisplayNames(UserService users, List<RegisteredNames> registries, MediaService media) {
        this.users = users;
        this.registries = registries;
        this.media = media;
    }

    /** {@code name} is null for a user with neither a nickname nor a registered name. */
    public record Display(String name, String avatarUrl) {
    }

    @Transactional(readOnly = true)
    public Map<Long, Display> of(Collection<Long> userIds) {
        Map<Long, UserView> found = users.findAll(userIds);
        Set<Long> unnamed = new HashSet<>();
        found.forEach((id, u) -> {
            if (u.nickname() == null || u.nickname().isBlank()) {
                unnamed.add(id);
            }
        });
        Map<Long, String> registered = new HashMap<>();
        for (RegisteredNames registry : registries) { // in their order: the first that knows a name gives it
            Set<Long> asked = new HashSet<>(unnamed);
            asked.removeAll(registered.keySet());
            if (!asked.isEmpty()) {
                registry.registeredNames(asked).forEach(registered::putIfAbsent);
            }
        }
        // an avatar is shown to others only once WeChat's media check passed it, like any photo (one query)
        Map<String, ImageCheck> checks = media.checksOf(found.values().stream().map(UserView::avatarUrl)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        var shown = new HashMap<Long, Display>();
        found.forEach((id, u) -> {
            ImageCheck check = u.avatarUrl() == null ? null : checks.get(u.avatarUrl());
            shown.put(id, new Display(unnamed.contains(id) ? mask(registered.get(id)) : u.nickname(),
                    check != null && check.shownToAll() ? u.avatarUrl() : null));
        });
        return shown;
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***: enough for neighbours to recognise, not a full name on a public board. */
    static String mask(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String stripped = name.strip();
        int first = stripped.offsetByCodePoints(0, 1);
        return stripped.substring(0, first) + "*".repeat(Math.max(1, stripped.codePointCount(first, stripped.length())));
    }
}
