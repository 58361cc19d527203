package cn.doorstep;

import cn.doorstep.support.LocalEmbeddedServers;
import org.springframework.boot.SpringApplication;

/**
 * The README's run command ({@code ./mvnw -pl server spring-boot:test-run}) starts this: the real
 * application plus embedded MariaDB and Redis, in the {@code local} profile with demo data.
 * It lives in test sources so the production jar carries neither server.
 */
public class TestDoorstepApplication {

    public static void main(String[] args) {
        SpringApplication.from(DoorstepApplication::main)
                .with(LocalEmbeddedServers.class)
                .withAdditionalProfiles("local")
                .run(args);
    }
}
