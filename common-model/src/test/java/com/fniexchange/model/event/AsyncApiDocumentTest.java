package com.fniexchange.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AsyncAPI document partners generate consumers from ({@code docs/asyncapi/fni-exchange.asyncapi.yaml})
 * describes exactly what we publish: one message per payload type of {@link EventCatalog}, on the
 * channel of its stream, no message for a type that does not exist, the CloudEvents headers
 * {@link EventEnvelope} really writes, and examples that are events we could publish.
 * ({@code asyncapi validate} in CI checks the document's form; it does not check examples against
 * the referenced 2020-12 schemas, which is done here.)
 */
class AsyncApiDocumentTest {

    static final Path DOCUMENT = Path.of("..", "docs", "asyncapi", "fni-exchange.asyncapi.yaml");
    static final String TRAIT = "#/components/messageTraits/cloudEvent";
    static final String MESSAGE_REF = "#/components/messages/";

    // floats as BigDecimal: 1100.00 stays money, not a binary double
    static final ObjectMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final JsonNode DOC = read();

    static JsonNode read() {
        try {
            return YAML.readTree(DOCUMENT.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DOCUMENT.toAbsolutePath().normalize(), e);
        }
    }

    /** The document's messages by component key. */
    static Map<String, JsonNode> messages() {
        Map<String, JsonNode> messages = new LinkedHashMap<>();
        DOC.path("components").path("messages").fields().forEachRemaining(e -> messages.put(e.getKey(), e.getValue()));
        return messages;
    }

    static Map<String, Class<? extends DomainEvent>> catalog() {
        return EventCatalog.payloadTypes().stream()
                .collect(Collectors.toMap(t -> EventCatalog.typeOf(t).typeName(), t -> t));
    }

    @Test
    void everyCatalogTypeHasAMessageAndEveryMessageNamesACatalogType() {
        List<String> documented = messages().values().stream().map(m -> m.path("name").asText()).toList();
        Set<String> catalog = catalog().keySet();

        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(documented).as("message names (ce_type) in %s", DOCUMENT).doesNotHaveDuplicates();
            soft.assertThat(difference(catalog, documented))
                    .as("event types in EventCatalog without a message in %s", DOCUMENT).isEmpty();
            soft.assertThat(difference(documented, catalog))
                    .as("messages in %s naming a ce_type that EventCatalog does not have", DOCUMENT).isEmpty();
        });
    }

    @Test
    void everyMessageIsOnItsStreamsChannelAndSentByAnOperation() {
        Map<String, String> channelOfMessage = new LinkedHashMap<>();
        Map<String, String> addressOfChannel = new LinkedHashMap<>();
        DOC.path("channels").fields().forEachRemaining(channel -> {
            addressOfChannel.put(channel.getKey(), channel.getValue().path("address").asText());
            channel.getValue().path("messages").forEach(ref ->
                    channelOfMessage.put(componentKey(ref.path("$ref").asText()), channel.getKey()));
        });
        Map<String, JsonNode> messages = messages();
        Map<String, Class<? extends DomainEvent>> catalog = catalog();
        assertThat(channelOfMessage.keySet()).as("messages on a channel").containsExactlyInAnyOrderElementsOf(messages.keySet());
        messages.forEach((key, message) -> {
            Class<? extends DomainEvent> type = catalog.get(message.path("name").asText());
            if (type != null) {
                assertThat(addressOfChannel.get(channelOfMessage.get(key)))
                        .as("channel address of %s", key).isEqualTo(destinationOf(type));
            }
        });

        Set<String> sent = new HashSet<>();
        DOC.path("operations").fields().forEachRemaining(op -> {
            JsonNode operation = op.getValue();
            assertThat(operation.path("action").asText()).as("%s: fni-exchange only publishes", op.getKey()).isEqualTo("send");
            String channel = componentKey(operation.path("channel").path("$ref").asText());
            operation.path("messages").forEach(ref -> {
                String ownRef = ref.path("$ref").asText();
                assertThat(ownRef).as("operation %s sends messages of its own channel", op.getKey())
                        .startsWith("#/channels/" + channel + "/messages/");
                sent.add(componentKey(ownRef));
            });
        });
        assertThat(sent).as("messages some send operation lists").containsExactlyInAnyOrderElementsOf(messages.keySet());
    }

    @Test
    void everyMessageCarriesTheCloudEventTraitAndReferencesItsShippedSchema() {
        messages().forEach((key, message) -> {
            EventType type = EventType.parse(message.path("name").asText());
            assertThat(message.path("traits").findValuesAsText("$ref")).as("%s traits", key).contains(TRAIT);
            String schemaRef = message.path("payload").path("schema").path("$ref").asText();
            assertThat(schemaRef).as("%s payload schema", key)
                    .isEqualTo("../../common-model/src/main/resources/" + type.schemaResource());
            assertThat(DOCUMENT.resolveSibling(schemaRef)).as("%s schema file", key).isRegularFile();
            assertThat(EventSchemas.exists(type)).as("%s schema on the classpath", key).isTrue();
        });
    }

    @Test
    void traitHeadersAreTheOnesTheEnvelopeWrites() {
        JsonNode headers = DOC.at("/components/schemas/cloudEventHeaders");
        EventEnvelope full = new EventEnvelope(UUID.randomUUID(), EventType.parse("com.fniexchange.contract.voided.v1"),
                "/fni-exchange/contract-service", "VSC3A004352", Instant.parse("2026-11-24T14:20:00Z"),
                "req-1", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        EventEnvelope minimal = new EventEnvelope(full.id(), full.type(), full.source(), full.subject(), full.time(), null, null);

        assertThat(fieldNames(headers.path("properties"))).as("documented headers")
                .containsExactlyInAnyOrderElementsOf(full.toHeaders().keySet());
        List<String> required = new ArrayList<>();
        headers.path("required").forEach(r -> required.add(r.asText()));
        assertThat(required).as("required headers").containsExactlyInAnyOrderElementsOf(minimal.toHeaders().keySet());
        assertThat(DOC.at(TRAIT.substring(1) + "/headers/$ref").asText()).isEqualTo("#/components/schemas/cloudEventHeaders");
    }

    static Stream<Arguments> examples() {
        List<Arguments> examples = new ArrayList<>();
        messages().forEach((key, message) -> {
            assertThat(message.path("examples").size()).as("examples of %s", key).isPositive();
            message.path("examples").forEach(example ->
                    examples.add(Arguments.of(key + " / " + example.path("name").asText(), message.path("name").asText(), example)));
        });
        return examples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleIsAnEventWeCouldPublish(String label, String typeName, JsonNode example) throws IOException {
        assertThat(catalog()).as("EventCatalog types").containsKey(typeName);
        EventType type = EventType.parse(typeName);
        JsonNode payload = example.path("payload");
        Map<String, String> headers = new LinkedHashMap<>();
        example.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));

        assertThat(EventSchemas.violations(type, payload)).as("payload against %s", type.schemaResource()).isEmpty();
        Object event = EventJson.read(JSON.writeValueAsBytes(payload), catalog().get(typeName));
        assertThat(event).isInstanceOf(DomainEvent.class);

        EventEnvelope envelope = EventEnvelope.fromHeaders(headers);
        assertThat(envelope.type()).as("ce_type").isEqualTo(type);
        assertThat(headers).as("headers as EventEnvelope writes them").isEqualTo(envelope.toHeaders());
        DomainEvent domainEvent = (DomainEvent) event;
        assertThat(envelope.subject()).as("ce_subject is the event's subject").isEqualTo(domainEvent.subject());
        assertThat(envelope.time()).as("ce_time is occurredAt").isEqualTo(domainEvent.occurredAt());
    }

    private static Set<String> difference(Iterable<String> from, Iterable<String> minus) {
        Set<String> result = new TreeSet<>();
        from.forEach(result::add);
        minus.forEach(result::remove);
        return result;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** {@code #/components/messages/contractSubmitted} or {@code #/channels/x/messages/contractSubmitted} → its last segment. */
    private static String componentKey(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** The {@code DESTINATION} constant of the stream interface the payload type belongs to. */
    private static String destinationOf(Class<?> payloadType) {
        for (Class<?> stream : payloadType.getInterfaces()) {
            try {
                Field field = stream.getField("DESTINATION");
                if (Modifier.isStatic(field.getModifiers())) {
                    return (String) field.get(null);
                }
            } catch (NoSuchFieldException | IllegalAccessException e) {
                // not a stream interface; look at the next
            }
        }
        throw new AssertionError(payloadType.getName() + " belongs to no stream interface declaring DESTINATION");
    }
}
