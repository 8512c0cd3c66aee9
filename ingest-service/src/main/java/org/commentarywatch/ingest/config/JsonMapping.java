package org.commentarywatch.ingest.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The one Jackson setup of the service, for the REST API and for what goes to Kafka. Kept in a static method so
 * that the plain unit tests serialise exactly as the running service does.
 */
@Singleton
public class JsonMapping implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper
                .registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                // Optional.empty() is left out rather than written as null: the contracts never carry nulls.
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT,
                        JsonInclude.Include.NON_ABSENT))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // A misspelt field in a request ("lables") must be an error, not silently lost. Message records
                // opt out with @JsonIgnoreProperties(ignoreUnknown = true): they are read tolerantly.
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
