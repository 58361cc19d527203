package cn.doorstep.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQuery;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Holds every date and time a request carries to {@link DateRange}, in the two places they are read:
 * Jackson (request bodies; a module wraps the deserializer of each java.time type, so a nested
 * {@code exceptions[0].date} is caught like a top-level field) and Spring's conversion of query
 * parameters and path variables (ISO formatters, which take precedence over the defaults). Either
 * refusal reaches {@code GlobalExceptionHandler} as a type mismatch naming the field: 400, code 10000.
 */
@Configuration(proxyBeanMethods = false)
class DateRangeConfiguration implements WebMvcConfigurer {

    /**
     * Request bodies are read (and replies written) with a copy of the application's ObjectMapper that
     * also holds dates to the range. The JSON the app keeps itself (service schedules, caches, events)
     * is read by the original: a date stored before this rule never breaks a read.
     */
    @Bean
    MappingJackson2HttpMessageConverter rangeCheckedJsonConverter(ObjectMapper json) {
        return new MappingJackson2HttpMessageConverter(json.copy().registerModule(dateRangeModule()));
    }

    private static Module dateRangeModule() {
        var module = new SimpleModule("date-range");
        // A station-local time (a slot's or an activity's start) has no offset. Jackson's default reads
        // "2026-12-05T01:00:00Z" as 01:00 at the station, which is what a client sending UTC would get
        // wrong by eight hours: refused instead. (A formatter equal to ISO_LOCAL_DATE_TIME but not that
        // instance, so the deserializer parses it strictly instead of its lenient 'Z' path.)
        module.addDeserializer(LocalDateTime.class, new LocalDateTimeDeserializer(
                new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).toFormatter(Locale.ROOT)));
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return TemporalAccessor.class.isAssignableFrom(description.getBeanClass())
                        ? new InRange(deserializer) : deserializer;
            }
        });
        return module;
    }

    /** ISO only, as the API documents (yyyy-MM-dd and so on), and within the range. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, iso(DateTimeFormatter.ISO_LOCAL_DATE, LocalDate::from));
        registry.addFormatterForFieldType(LocalDateTime.class,
                iso(DateTimeFormatter.ISO_LOCAL_DATE_TIME, LocalDateTime::from));
        registry.addFormatterForFieldType(Instant.class, iso(DateTimeFormatter.ISO_INSTANT, Instant::from));
        registry.addFormatterForFieldType(OffsetDateTime.class,
                iso(DateTimeFormatter.ISO_OFFSET_DATE_TIME, OffsetDateTime::from));
        registry.addFormatterForFieldType(ZonedDateTime.class,
                iso(DateTimeFormatter.ISO_ZONED_DATE_TIME, ZonedDateTime::from));
        registry.addFormatterForFieldType(YearMonth.class,
                iso(DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT), YearMonth::from));
    }

    private static <T extends TemporalAccessor> Formatter<T> iso(DateTimeFormatter format, TemporalQuery<T> type) {
        return new Formatter<>() {
            @Override
            public T parse(String text, Locale locale) {
                T value = format.parse(text, type);
                if (!DateRange.accepts(value)) {
                    throw new IllegalArgumentException(text + " is outside the years " + DateRange.FIRST_YEAR + "-"
                            + DateRange.LAST_YEAR);
                }
                return value;
            }

            @Override
            public String print(T value, Locale locale) {
                return format.format(value);
            }
        };
    }

    /** A java.time deserializer whose result must be in range (a number of epoch seconds too). */
    private static final class InRange extends DelegatingDeserializer {

        InRange(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new InRange(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (value instanceof TemporalAccessor temporal && !DateRange.accepts(temporal)) {
                throw InvalidFormatException.from(parser, DateRange.EXPECTED, value, handledType());
            }
            return value;
        }
    }
}
