package cn.doorstep.common;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs run on one instance at a time: each {@code @Scheduled} method also carries
 * ShedLock's {@code @SchedulerLock}, whose lock is a row of table {@code shedlock} (DESIGN §4). The
 * scheduler has a pool (spring.task.scheduling.pool.size), so the five-second notification sender
 * never waits behind a slow job; each job's failure stays its own ({@link Jobs}).
 * {@code doorstep.scheduling.enabled=false} runs an instance without any job (the tests do: they run
 * each job themselves, at the moments they choose, and a test context's jobs on real intervals would
 * act on other tests' rows).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfiguration {

    /** The scheduler itself: off with {@code doorstep.scheduling.enabled=false}; the job locks stay. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "doorstep.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    @EnableScheduling
    static class Scheduler {
    }

    /**
     * The database's clock judges every lock, and a lock is kept alive (extended at half its
     * lockAtMostFor) while its job runs: a round that overruns keeps its lock instead of letting
     * another instance start the same job, and ShedLock releases a lock only after its own round. If
     * the instance dies, the lock lapses after lockAtMostFor.
     */
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        var jdbc = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
        return new KeepAliveLockProvider(jdbc, keepAliveExecutor());
    }

    private static ScheduledExecutorService keepAliveExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "job-lock-keep-alive");
            thread.setDaemon(true);
            return thread;
        });
    }
}
