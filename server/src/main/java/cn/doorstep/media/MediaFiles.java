package cn.doorstep.media;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import cn.doorstep.media.internal.ImageStore;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * With images in a bucket ({@code doorstep.media.storage=s3}) the app serves {@code /media/**} itself,
 * streaming from the bucket, so every URL already stored ({@code <base-url>/<month>/<name>}) stays valid
 * on any instance, the bucket stays private, and a withdrawn image (deleted from the served prefix)
 * stops being served everywhere at once. nginx proxies /media/ here (nginx/snippets/media-app.conf).
 * Not an API operation: no envelope on success, and not in the OpenAPI spec.
 */
@Hidden
@RestController
@ConditionalOnProperty(name = "doorstep.media.storage", havingValue = "s3")
class MediaFiles {

    private static final Logger log = LoggerFactory.getLogger(MediaFiles.class);

    private final ImageStore store;

    MediaFiles(ImageStore store) {
        this.store = store;
    }

    @GetMapping("/media/{month:[0-9]{6}}/{name:[A-Za-z0-9_-]{22}\\.(?:jpg|png|webp)}")
    ResponseEntity<InputStreamResource> image(@PathVariable String month, @PathVariable String name) {
        String path = month + "/" + name;
        ImageStore.StoredImage image;
        try {
            image = store.open(path).orElseThrow(() -> new ApiException(CommonError.NOT_FOUND));
        } catch (IOException e) {
            log.warn("Serving image {} failed: {}", path, e.getMessage());
            throw new ApiException(MediaError.STORAGE_UNAVAILABLE);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .contentLength(image.length())
                // a name never changes content; a withdrawn one is gone from the bucket, not from caches
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .body(new InputStreamResource(image.content()));
    }

    /** Images are public to whoever has the URL (128 random bits), as nginx serves them from a folder. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    static SecurityFilterChain mediaFilesChain(HttpSecurity http) throws Exception {
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
