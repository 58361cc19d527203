package cn.doorstep.report;

import cn.doorstep.common.Zones;
import cn.doorstep.report.internal.CategoryRule;
import cn.doorstep.report.internal.CategoryRuleMapper;
import cn.doorstep.station.WorkingDays;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Service;

/**
 * When a report must be accepted and resolved, by its category's rule ({@code report_category_rule}, set
 * by the platform admin) or, for a category without one, {@link ReportProperties}' defaults.
 * <ul>
 *   <li>To accept: wall-clock minutes from filing (nights and holidays count: a hazard waits for nobody).</li>
 *   <li>To resolve: N working days on the holiday calendar ({@link WorkingDays}: public holidays are not
 *   working days, 调休 make-up days are, other weekends are not). The rule: take the China-time date of
 *   acceptance, count N working days after it (that date itself never counts, working or not), and the
 *   report is due on the N-th at the same China time of day as it was accepted. Accepted Wednesday
 *   2026-09-30 15:00 with 3 days: 10-01..07 are 国庆, 10-08 and 10-09 count, Saturday 10-10 (调休) is the
 *   third, so due 2026-10-10 15:00.</li>
 * </ul>
 */
@Service
public class ReportDeadlines {

    private final ReportProperties properties;
    private final CategoryRuleMapper rules;
    private final WorkingDays workingDays;

    ReportDeadlines(ReportProperties properties, CategoryRuleMapper rules, WorkingDays workingDays) {
        this.properties = properties;
        this.rules = rules;
        this.workingDays = workingDays;
    }

    /** A category's deadlines: minutes to accept, working days to resolve; {@code custom} false for the defaults. */
    public record Rule(ReportCategory category, int acceptMinutes, int resolveWorkingDays, boolean custom) {
    }

    /** The time by which the grid must accept a report of this category filed at {@code filedAt}. */
    public Instant acceptDue(ReportCategory category, Instant filedAt) {
        return filedAt.plus(Duration.ofMinutes(ruleOf(category).acceptMinutes()));
    }

    /** The time by which a report of this category accepted at {@code acceptedAt} must be resolved. */
    public Instant resolveDue(ReportCategory category, Instant acceptedAt) {
        return workingDaysAfter(acceptedAt, ruleOf(category).resolveWorkingDays());
    }

    /** {@code n} working days after {@code from}, at the same China time of day (a department's extra time too). */
    public Instant workingDaysAfter(Instant from, int n) {
        ZonedDateTime start = from.atZone(Zones.CHINA);
        LocalDate due = workingDays.after(start.toLocalDate(), n);
        return start.with(due).toInstant();
    }

    /** The rule in force for a category. */
    public Rule ruleOf(ReportCategory category) {
        CategoryRule row = rules.selectById(category.name());
        if (row == null) {
            return new Rule(category, (int) properties.acceptWithin().toMinutes(), properties.resolveWorkingDays(), false);
        }
        return new Rule(category, row.getAcceptMinutes(), row.getResolveWorkingDays(), true);
    }
}
