package cn.doorstep.common;

import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.data.redis.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RedisConnectionConfiguration {

    /**
     * Lettuce reconnects a lost connection by itself, waiting twice as long after each failed try, up
     * to 30 s by default: after a Redis restart we would keep answering 503 that long. Capped at 2 s.
     */
    @Bean
    ClientResourcesBuilderCustomizer quickRedisReconnects() {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
    }
}
