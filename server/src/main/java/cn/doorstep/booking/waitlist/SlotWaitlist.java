package cn.doorstep.booking.waitlist;

import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.schedule.Managers;
import cn.doorstep.schedule.SlotCatalog;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A slot's waitlist for the people running its station: who waits, in order, and who holds an offer. */
@Service
public class SlotWaitlist {

    private final WaitlistMapper entries;
    private final SlotCatalog catalog;
    private final Managers managers;
    private final UserService users;

    SlotWaitlist(WaitlistMapper entries, SlotCatalog catalog, Managers managers, UserService users) {
        this.entries = entries;
        this.catalog = catalog;
        this.managers = managers;
        this.users = users;
    }

    /** The live entries (WAITING, OFFERED), first come first; staff or admins of the slot's station only. */
    @Transactional(readOnly = true)
    public PageResult<WaitlistEntry> of(CurrentUser me, long slotId, PageQuery page) {
        managers.require(me, catalog.slot(slotId).slot().stationId());
        long total = entries.countLiveOf(slotId);
        List<WaitlistRow> rows = total == 0 ? List.of() : entries.selectLiveOf(slotId, page.size(), page.offset());
        Map<Long, UserView> people = users.findAll(rows.stream().map(r -> r.userId).distinct().toList());
        var list = new ArrayList<WaitlistEntry>();
        for (int i = 0; i < rows.size(); i++) {
            WaitlistRow r = rows.get(i);
            UserView u = people.get(r.userId);
            list.add(new WaitlistEntry(r.id, (int) page.offset() + i + 1, r.userId, u == null ? null : u.nickname(),
                    u == null ? null : u.phone(), WaitlistStatus.valueOf(r.status), r.offerExpiresAt, r.createdAt));
        }
        return PageResult.of(list, total, page);
    }
}
