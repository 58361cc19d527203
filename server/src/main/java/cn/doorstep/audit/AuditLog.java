package cn.doorstep.audit;

import cn.doorstep.audit.internal.AuditEntry;
import cn.doorstep.audit.internal.AuditEntryMapper;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AuditLog {

    private static final int MAX_DETAIL = 1000;

    private final AuditEntryMapper entries;

    AuditLog(AuditEntryMapper entries) {
        this.entries = entries;
    }

    /**
     * Records one action whose community is not at hand: the row is read by platform admins only.
     * Prefer {@link #record(long, Long, String, String, Object, String)} wherever the community is known.
     */
    @Transactional
    public void record(long actorId, String action, String targetType, Object targetId, String detail) {
        record(actorId, null, action, targetType, targetId, detail);
    }

    /**
     * Records one action. Joins the caller's transaction, so the row exists exactly when the change does.
     *
     * @param communityId the community the action was in, whose admins (and those of its street and
     *                    district) read the row; null for none (platform admins only)
     * @param action      what was done, e.g. {@code station.live-status}
     * @param targetType  the kind of thing changed, e.g. {@code station}
     * @param detail      a short human-readable summary; never personal data beyond ids
     */
    @Transactional
    public void record(long actorId, Long communityId, String action, String targetType, Object targetId,
                       String detail) {
        var entry = new AuditEntry();
        entry.setActorId(actorId);
        entry.setCommunityId(communityId);
        entry.setAction(action);
        entry.setTargetType(targetType);
        entry.setTargetId(String.valueOf(targetId));
        entry.setDetail(detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL));
        entries.insert(entry);
    }

    @Transactional(readOnly = true)
    public List<Entry> of(String targetType, Object targetId) {
        return entries.selectByTarget(targetType, String.valueOf(targetId)).stream()
                .map(e -> new Entry(e.getActorId(), e.getAction(), e.getDetail(), e.getCreatedAt())).toList();
    }

    public record Entry(long actorId, String action, String detail, Instant at) {
    }
}
