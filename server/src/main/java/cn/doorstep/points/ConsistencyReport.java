package cn.doorstep.points;

import cn.doorstep.points.internal.PointsAccountMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs every {@link ConsistencyCheck}: the points books here, and those other features contribute
 * (rewards' stock). The tests run it after every race.
 */
@Component
public class ConsistencyReport {

    private final List<ConsistencyCheck> checks;

    ConsistencyReport(List<ConsistencyCheck> checks) {
        this.checks = checks;
    }

    public record Report(boolean consistent, List<Result> checks) {
    }

    public record Result(String name, long checked, List<String> problems) {
    }

    @Transactional(readOnly = true)
    public Report run() {
        var results = new ArrayList<Result>();
        for (ConsistencyCheck check : checks) {
            results.add(new Result(check.name(), check.checked(), check.problems()));
        }
        return new Report(results.stream().allMatch(r -> r.problems().isEmpty()), results);
    }

    /** Each account's balance equals the sum of its ledger and the points left in its lots. */
    @Component
    static class Balances implements ConsistencyCheck {

        private final PointsAccountMapper accounts;

        Balances(PointsAccountMapper accounts) {
            this.accounts = accounts;
        }

        @Override
        public String name() {
            return "points.balances";
        }

        @Override
        public long checked() {
            return accounts.countAccounts();
        }

        @Override
        public List<String> problems() {
            return accounts.selectMismatches().stream().map(m -> "user " + m.userId() + ": balance " + m.balance()
                    + ", ledger " + m.ledgerSum() + ", lots " + m.lotSum()).toList();
        }
    }
}
