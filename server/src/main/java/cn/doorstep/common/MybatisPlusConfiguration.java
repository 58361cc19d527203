package cn.doorstep.common;

import com.baomidou.mybatisplus.annotation.DbType;
import com.baomidou.mybatisplus.core.handlers.MetaObjectHandler;
import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.OptimisticLockerInnerInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.PaginationInnerInterceptor;
import java.time.Clock;
import java.time.Instant;
import org.apache.ibatis.reflection.MetaObject;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MybatisPlusConfiguration {

    @Bean
    MybatisPlusInterceptor mybatisPlusInterceptor() {
        var interceptor = new MybatisPlusInterceptor();
        var pagination = new PaginationInnerInterceptor(DbType.MYSQL);
        pagination.setMaxLimit(500L);
        interceptor.addInnerInterceptor(pagination);
        // honours @Version: an update of a row someone else changed meanwhile matches no row
        interceptor.addInnerInterceptor(new OptimisticLockerInnerInterceptor());
        return interceptor;
    }

    /** Fills {@code createdAt}/{@code updatedAt} on every entity that has them, from the one clock. */
    @Bean
    MetaObjectHandler timestampsFiller(Clock clock) {
        return new MetaObjectHandler() {
            @Override
            public void insertFill(MetaObject meta) {
                Instant now = clock.instant();
                strictInsertFill(meta, "createdAt", Instant.class, now);
                strictInsertFill(meta, "updatedAt", Instant.class, now);
            }

            @Override
            public void updateFill(MetaObject meta) {
                setFieldValByName("updatedAt", clock.instant(), meta);
            }
        };
    }
}
