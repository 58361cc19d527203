package cn.doorstep.auth;

import cn.doorstep.common.CommonError;
import cn.doorstep.common.ErrorResponseWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Stateless bearer-token security. Paths say the role they need (admin, staff); finer checks — which
 * station, which community, whose wish — happen in each feature's service.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenService tokens, RoleService roles, ErrorResponseWriter errors)
            throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, roles, errors), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(paths -> paths
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/wx-login").permitAll()
                        // the PC console's sign-in (ConsoleSignIn): the password proves who asks
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/console/login", "/api/v1/auth/console/totp/enrol",
                                "/api/v1/auth/console/totp/confirm").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/stations/**", "/api/v1/regions",
                                "/api/v1/communities/**", "/api/v1/services/*/slots").permitAll()
                        // the schedule's public reads: a service, an activity, activities near a point
                        .requestMatchers(HttpMethod.GET, "/api/v1/services/*", "/api/v1/activities",
                                "/api/v1/activities/*").permitAll()
                        // a 双积分 statement is read by the rider's employer, who holds only its code
                        .requestMatchers(HttpMethod.GET, "/api/v1/points/statements/*").permitAll()
                        // WeChat's message push: no bearer, every request's signature is checked (wechat/WeChatPush)
                        .requestMatchers("/api/v1/wechat/push").permitAll()
                        // the national holiday calendar: read by any admin, changed only at city level
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/holidays")
                                .hasAnyRole("ADMIN", "PLATFORM", "STREET_ADMIN", "DISTRICT_ADMIN")
                        .requestMatchers("/api/v1/admin/holidays/**").hasRole("PLATFORM")
                        // the books of every community at once (user and reward ids): city level only
                        .requestMatchers("/api/v1/admin/points/consistency").hasRole("PLATFORM")
                        // a report's grid workers include the heads of its grid (the services check which reports)
                        .requestMatchers("/api/v1/admin/reports", "/api/v1/admin/reports/**")
                                .hasAnyRole("ADMIN", "PLATFORM", "STREET_ADMIN", "DISTRICT_ADMIN", "GRID_HEAD")
                        // a street's or district's admin holds ADMIN for each community below (RoleService): a street
                        // without communities yet still lets them in, to find nothing
                        .requestMatchers("/api/v1/admin/**").hasAnyRole("ADMIN", "PLATFORM", "STREET_ADMIN", "DISTRICT_ADMIN")
                        .requestMatchers("/api/v1/staff/**").hasRole("STAFF")
                        .requestMatchers("/api/v1/grid/**").hasRole("GRID_HEAD")
                        .requestMatchers("/api/v1/unit/**").hasRole("UNIT_ADMIN")
                        .requestMatchers("/api/v1/department/**").hasRole("DEPARTMENT")
                        .requestMatchers("/api/**").authenticated()
                        // Open311 GeoReport v2 for civic tools: public and read-only, no personal data (report/open311)
                        .requestMatchers(HttpMethod.GET, "/open311/v2/**").permitAll()
                        // the PC console's static files and the WebJars it loads (console/ConsoleWeb): read-only
                        .requestMatchers(HttpMethod.GET, "/console", "/console/**", "/webjars/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/console", "/console/**", "/webjars/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/error").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) ->
                                errors.write(response, CommonError.UNAUTHENTICATED, CommonError.UNAUTHENTICATED.message()))
                        .accessDeniedHandler((request, response, ex) ->
                                errors.write(response, CommonError.FORBIDDEN, CommonError.FORBIDDEN.message())))
                .build();
    }

    private static final String PATH_REFUSED = "The request's path holds characters no path of this API does";

    /**
     * A path the firewall refuses (an encoded {@code %}, {@code /} or {@code ;}, a NUL...) is a 400 in the
     * envelope like any other bad input, not Spring Security's empty 400 (under {@code /open311/}: the GeoReport
     * standard's {@code [{code, description}]}).
     */
    @Bean
    RequestRejectedHandler rejectedInTheEnvelope(ErrorResponseWriter errors) {
        return (request, response, rejected) -> {
            if (request.getRequestURI().startsWith("/open311/")) {
                // the GeoReport standard's error array there, as the Open311 endpoints answer every other failure
                response.setStatus(400);
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write("[{\"code\":400,\"description\":\"" + PATH_REFUSED + "\"}]");
                return;
            }
            errors.write(response, CommonError.VALIDATION_FAILED, PATH_REFUSED);
        };
    }
}
