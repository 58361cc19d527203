package cn.doorstep.audit;

import cn.doorstep.community.RegionLocationSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Audits the community module's admin changes, which it cannot record itself (audit reads user names, users
 * hang from communities). A plain listener: it runs in the publisher's transaction, so the row exists exactly
 * when the change does.
 */
@Component
class RegionLocationAuditing {

    private final AuditLog audit;

    RegionLocationAuditing(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(RegionLocationSet e) {
        // never the coordinates themselves: no location in an audit line
        audit.record(e.actorId(), e.communityId(), e.level().toLowerCase() + ".location", e.level().toLowerCase(),
                e.id(), "location set; households " + (e.households() == null ? "unknown" : e.households()));
    }
}
