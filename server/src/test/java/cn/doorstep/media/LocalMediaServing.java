package cn.doorstep.media;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The local profile serves uploaded images at {@code /media/**} itself, as nginx does in production
 * (nginx/snippets/doorstep.conf). It lives in test sources with the rest of the local profile, so the
 * packaged jar never serves files from a folder. With images in a bucket (storage s3) the app's own
 * MediaFiles serves them instead.
 */
@Profile("local")
@ConditionalOnProperty(name = "doorstep.media.storage", havingValue = "local", matchIfMissing = true)
@Configuration(proxyBeanMethods = false)
class LocalMediaServing implements WebMvcConfigurer {

    private final MediaProperties properties;

    LocalMediaServing(MediaProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/media/**")
                .addResourceLocations(properties.dir().toAbsolutePath().normalize().toUri().toString());
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain localMediaChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/media/**")
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(paths -> paths.requestMatchers(HttpMethod.GET, "/media/**").permitAll()
                        .anyRequest().denyAll())
                .build();
    }
}
