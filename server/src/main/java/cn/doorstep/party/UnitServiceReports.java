package cn.doorstep.party;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Zones;
import cn.doorstep.party.PartyViews.MemberService;
import cn.doorstep.party.PartyViews.UnitServiceReport;
import cn.doorstep.party.internal.PartyRegistration;
import cn.doorstep.party.internal.PartyRegistrationMapper;
import cn.doorstep.party.internal.PartyServiceMapper;
import cn.doorstep.party.internal.PartyUnit;
import cn.doorstep.wish.WishConfirmed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's members' service by month (考核评价): recorded from each confirmed wish a confirmed member
 * fulfilled, credited to the unit they named at that time, and read by the unit's admins (or the
 * city-level admin), also as CSV.
 */
@Service
public class UnitServiceReports {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final PartyServiceMapper service;
    private final PartyRegistrationMapper registrations;
    private final PartyUnits units;

    UnitServiceReports(PartyServiceMapper service, PartyRegistrationMapper registrations, PartyUnits units) {
        this.service = service;
        this.registrations = registrations;
        this.units = units;
    }

    /** Idempotent: one row per wish, so a redelivered event changes nothing. */
    @ApplicationModuleListener
    void on(WishConfirmed event) {
        PartyRegistration member = registrations.selectByUser(event.claimerId());
        if (member == null || !RegistrationStatus.CONFIRMED.name().equals(member.getStatus())) {
            return; // a volunteer who is not a (confirmed) party member: nothing for any unit
        }
        service.record(event.wishId(), event.claimerId(), member.getUnitId(), event.communityId(),
                MONTH.format(event.confirmedAt().atZone(Zones.CHINA)), event.hours(), event.rating(), event.confirmedAt());
    }

    @Transactional(readOnly = true)
    public UnitServiceReport report(CurrentUser me, long unitId, String month) {
        if (!me.isUnitAdminOf(unitId) && !me.isPlatformAdmin()) {
            throw new ApiException(PartyError.UNIT_NOT_FOUND);
        }
        PartyUnit unit = units.require(unitId);
        Map<Long, MemberService> members = new LinkedHashMap<>();
        for (PartyRegistration r : registrations.selectConfirmedOfUnit(unitId)) {
            members.put(r.getUserId(), new MemberService(r.getUserId(), r.getRealName(), 0, BigDecimal.ZERO.setScale(1), null));
        }
        for (PartyServiceMapper.MonthRow row : service.selectMonth(unitId, month)) {
            String name = members.containsKey(row.userId()) ? members.get(row.userId()).realName()
                    : nameOf(row.userId()); // served for the unit that month, has left it since
            members.put(row.userId(), new MemberService(row.userId(), name, row.wishes().intValue(),
                    row.hours().setScale(1, RoundingMode.HALF_UP),
                    row.averageRating() == null ? null : row.averageRating().setScale(1, RoundingMode.HALF_UP)));
        }
        return new UnitServiceReport(unitId, unit.getName(), month, members.values().stream().toList());
    }

    /** The report as CSV for Excel (UTF-8 with a byte-order mark); cells that could be formulas are quoted as text. */
    public byte[] csv(UnitServiceReport report) {
        var out = new StringBuilder("\uFEFF单位,月份,姓名,用户ID,完成心愿数,服务时长（小时）,平均评分\r\n");
        for (MemberService m : report.members()) {
            out.append(cell(report.unitName())).append(',').append(report.month()).append(',')
                    .append(cell(m.realName())).append(',').append(m.userId()).append(',')
                    .append(m.wishesFulfilled()).append(',').append(m.hours().toPlainString()).append(',')
                    .append(m.averageRating() == null ? "" : m.averageRating().toPlainString()).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String nameOf(long userId) {
        PartyRegistration r = registrations.selectByUser(userId);
        return r == null ? null : r.getRealName();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.isEmpty() ? 'x' : value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
