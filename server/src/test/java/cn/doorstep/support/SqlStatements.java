package cn.doorstep.support;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;

/**
 * Counts the SQL statements MyBatis prepares on the calling thread while {@link #during} runs, so a
 * test can show that a list reads its related data in batches: its statements do not grow with its
 * rows (no N+1). The application reaches MySQL only through MyBatis, and MockMvc serves a request on
 * the test's own thread, so nothing the request does is missed and no other thread's work is counted.
 * Registered as a MyBatis plugin by {@link TestInfrastructure}; it costs nothing while not recording.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
public final class SqlStatements implements Interceptor {

    private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

    /** The statements {@code action} ran on this thread, in order, whitespace folded. */
    public List<String> during(Runnable action) {
        var seen = new ArrayList<String>();
        recording.set(seen);
        try {
            action.run();
            return List.copyOf(seen);
        } finally {
            recording.remove();
        }
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        List<String> seen = recording.get();
        if (seen != null) {
            String sql = ((StatementHandler) invocation.getTarget()).getBoundSql().getSql();
            seen.add(sql.replaceAll("\\s+", " ").strip());
        }
        return invocation.proceed();
    }
}
