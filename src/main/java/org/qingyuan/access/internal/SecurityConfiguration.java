package org.qingyuan.access.internal;

import java.util.Set;

import org.qingyuan.audit.AuditFilter;
import org.qingyuan.audit.AuditTrail;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * One filter chain: form login and the session for pages and the API (CSRF token from the
 * {@code XSRF-TOKEN} cookie in the {@code X-XSRF-TOKEN} header), bearer tokens for systems,
 * every request decided by the route table, every state-changing request audited.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The policy, with the base map's tile server (the map module's {@code qingyuan.map.tile-url}) allowed as an image
     * source when one is configured: {@code https://{s}.tile.example.org/{z}/{x}/{y}.png} allows
     * {@code https://*.tile.example.org}.
     */
    static String contentSecurityPolicy(String tileUrl) {
        java.util.regex.Matcher origin = java.util.regex.Pattern.compile("^(https?://)([^/?#]+)").matcher(tileUrl == null ? "" : tileUrl.strip());
        if (!origin.find()) {
            return CONTENT_SECURITY_POLICY;
        }
        String host = origin.group(2).replaceAll("\\{[^}]*}", "*");
        if (!host.matches("[A-Za-z0-9.*:\\-]+")) {
            return CONTENT_SECURITY_POLICY;
        }
        return CONTENT_SECURITY_POLICY.replace("img-src 'self' data: blob:;", "img-src 'self' data: blob: " + origin.group(1) + host + ";");
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemAuthenticationEntryPoint problems,
                                            RouteAuthorization routes, PasswordAuthentication passwords,
                                            SignInSession signInSession, SignInGate gate, BearerTokenFilter bearer,
                                            GridScopeFilter gridScope,
                                            AuditTrail auditTrail) throws Exception {
        // PasswordAuthentication is the global provider (a bean); registering it here as well would
        // make a failed attempt run, and count, twice
        http.authorizeHttpRequests(requests -> requests.anyRequest().access(routes))
                .formLogin(form -> form.loginPage("/login").successHandler(signInSession)
                        .failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(signInSession)
                        .logoutSuccessUrl("/login?logout"))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(BearerTokenFilter::isBearer, SecurityConfiguration::isOpen311))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(bearer, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(gate, AuthorizationFilter.class)
                .addFilterBefore(gridScope, AuthorizationFilter.class)
                .addFilterBefore(new AuditFilter(auditTrail, Set.of("/login", "/logout")), ExceptionTranslationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(
                                http.getSharedObject(org.springframework.context.ApplicationContext.class).getEnvironment()
                                        .getProperty("qingyuan.map.tile-url", ""))))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * The Open311 GeoReport v2 endpoints (complaint module) are called by citizen apps without a session or cookies, so
     * a forged cross-site request gains nothing there; they are public routes with their own abuse limits.
     */
    static boolean isOpen311(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/open311/");
    }

    /** The gate and the bearer filter run inside the security chain only, not a second time as servlet filters. */
    @Bean
    FilterRegistrationBean<SignInGate> signInGateRegistration(SignInGate gate) {
        var registration = new FilterRegistrationBean<>(gate);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenRegistration(BearerTokenFilter bearer) {
        var registration = new FilterRegistrationBean<>(bearer);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    FilterRegistrationBean<GridScopeFilter> gridScopeRegistration(GridScopeFilter gridScope) {
        var registration = new FilterRegistrationBean<>(gridScope);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
