package cn.doorstep.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application in the {@code prod} profile on a real Tomcat (random port, and a random management
 * port instead of 8081), on the shared test servers. Every class with this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// no scheduler: on real intervals and the real clock, this context's jobs would act on other tests' rows
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "doorstep.scheduling.enabled=false"})
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("prod")
@Import(TestInfrastructure.class)
public @interface ProductionServer {
}
