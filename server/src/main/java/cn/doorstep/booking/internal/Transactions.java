package cn.doorstep.booking.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The booking's transactions run READ COMMITTED: after waiting for a row lock (the booker's member
 * row, the slot row) a statement counts what is committed, so limits hold under parallel requests.
 */
@Component
public class Transactions {

    private final TransactionTemplate template;

    Transactions(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
        this.template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    public TransactionTemplate template() {
        return template;
    }

    public <T> T run(java.util.function.Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
