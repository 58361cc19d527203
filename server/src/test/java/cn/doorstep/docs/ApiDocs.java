package cn.doorstep.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.ClassUtils;

/** Where the mini-program team's docs live, and the switch that rewrites the generated parts. */
final class ApiDocs {

    /** {@code UPDATE_API_DOCS=true ./mvnw verify} rewrites the generated docs instead of failing. */
    static final boolean UPDATE = "true".equalsIgnoreCase(System.getenv("UPDATE_API_DOCS"));

    private ApiDocs() {
    }

    static Path dir() {
        Path fromModule = Path.of("..", "miniprogram-api-docs");
        return Files.isDirectory(fromModule) ? fromModule : Path.of("miniprogram-api-docs");
    }

    static String read(String file) {
        try {
            return Files.readString(dir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checked-in {@code openapi.json} (which {@link OpenApiSpecTest} keeps equal to what the code serves). */
    static JsonNode spec() {
        try {
            return new ObjectMapper().readTree(read("openapi.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application's classes (and the tests') that the filter accepts: nested, abstract and enums too. */
    static List<Class<?>> classes(TypeFilter filter) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(filter);
        return scanner.findCandidateComponents("cn.doorstep").stream()
                .<Class<?>>map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
                .toList();
    }

    static void write(String file, String content) {
        try {
            Files.writeString(dir().resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
