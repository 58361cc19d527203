package cn.doorstep.station.internal;

import cn.doorstep.station.StationDetail;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.springframework.boot.autoconfigure.cache.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.Jackson2JsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;
import org.springframework.data.redis.serializer.StringRedisSerializer;

/**
 * The "station" cache: keys {@code station:{id}}, typed JSON values (no class names in Redis), one
 * hour at most. The map search's MGET reads the same keys with the same serializer.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class StationCacheConfiguration {

    static final Duration TTL = Duration.ofHours(1);

    @Bean
    Jackson2JsonRedisSerializer<StationDetail> stationDetailSerializer(ObjectMapper objectMapper) {
        // tolerant reading: an entry written by an older or newer release is still usable
        ObjectMapper mapper = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return new Jackson2JsonRedisSerializer<>(mapper, StationDetail.class);
    }

    @Bean
    RedisCacheManagerBuilderCustomizer stationCache(Jackson2JsonRedisSerializer<StationDetail> serializer) {
        return builder -> builder.withCacheConfiguration(StationDetails.CACHE, RedisCacheConfiguration.defaultCacheConfig()
                .computePrefixWith(name -> name + ":")
                .entryTtl(TTL)
                .disableCachingNullValues()
                .serializeValuesWith(SerializationPair.fromSerializer(serializer)));
    }

    @Bean
    RedisTemplate<String, StationDetail> stationDetailRedisTemplate(RedisConnectionFactory connections,
                                                                   Jackson2JsonRedisSerializer<StationDetail> serializer) {
        var template = new RedisTemplate<String, StationDetail>();
        template.setConnectionFactory(connections);
        template.setKeySerializer(StringRedisSerializer.UTF_8);
        template.setValueSerializer(serializer);
        template.afterPropertiesSet();
        return template;
    }
}
