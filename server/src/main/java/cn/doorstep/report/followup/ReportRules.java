package cn.doorstep.report.followup;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.report.ReportCategory;
import cn.doorstep.report.ReportDeadlines.Rule;
import cn.doorstep.report.ReportDeadlines;
import cn.doorstep.report.internal.CategoryRule;
import cn.doorstep.report.internal.CategoryRuleMapper;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each category's deadlines (minutes to accept, working days to resolve): any admin reads them, the platform
 * admin sets them (audited). A change applies to reports filed or accepted after it; deadlines already set stay.
 */
@Service
public class ReportRules {

    private final CategoryRuleMapper rules;
    private final ReportDeadlines deadlines;
    private final AuditLog audit;
    private final Clock clock;

    ReportRules(CategoryRuleMapper rules, ReportDeadlines deadlines, AuditLog audit, Clock clock) {
        this.rules = rules;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every category's rule in force, in the categories' order. */
    @Transactional(readOnly = true)
    public List<Rule> all() {
        return Arrays.stream(ReportCategory.values()).map(deadlines::ruleOf).toList();
    }

    @Transactional
    public Rule set(CurrentUser me, ReportCategory category, int acceptMinutes, int resolveWorkingDays) {
        if (!me.isPlatformAdmin()) {
            throw new ApiException(CommonError.FORBIDDEN, "Only a platform admin may change the reports' deadlines");
        }
        var row = new CategoryRule();
        row.setCategory(category.name());
        row.setAcceptMinutes(acceptMinutes);
        row.setResolveWorkingDays(resolveWorkingDays);
        row.setUpdatedBy(me.id());
        row.setUpdatedAt(clock.instant());
        rules.upsert(row);
        audit.record(me.id(), "report.rule.set", "report_category", category.name(),
                "accept " + acceptMinutes + " min, resolve " + resolveWorkingDays + " working days");
        return deadlines.ruleOf(category);
    }
}
