package com.fniexchange.deploy;

import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.eventhubs.EventHubConsumerClient;
import com.azure.messaging.eventhubs.models.EventPosition;
import com.azure.messaging.eventhubs.models.PartitionEvent;
import com.fniexchange.model.event.CloudEventHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testcontainers.azure.AzuriteContainer;
import org.testcontainers.azure.EventHubsEmulatorContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.utility.MountableFile;

/**
 * The {@code eventhubs} profile for real: the Azure Event Hubs emulator with Azurite (its
 * metadata and the services' checkpoints), with the hubs and consumer groups of
 * deploy/compose/eventhubs/Config.json.
 */
class EventHubsPlatformTest extends ContainerPlatformTest {

    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final AzuriteContainer AZURITE = new AzuriteContainer("mcr.microsoft.com/azure-storage/azurite:3.37.0")
            .withNetwork(NETWORK).withNetworkAliases("azurite");

    @Container
    static final EventHubsEmulatorContainer EVENT_HUBS = new EventHubsEmulatorContainer(
            "mcr.microsoft.com/azure-messaging/eventhubs-emulator:2.1.0")
            .acceptLicense()
            .withNetwork(NETWORK)
            .withConfig(MountableFile.forHostPath(Repository.path("deploy/compose/eventhubs/Config.json")))
            .withAzuriteContainer(AZURITE);

    @Override
    String profiles() {
        return "eventhubs,local";
    }

    @Override
    Map<String, String> brokerEnvironment() {
        return Map.of(
                "AZURE_EVENTHUBS_CONNECTION_STRING", EVENT_HUBS.getConnectionString(),
                "AZURE_STORAGE_ACCOUNT_NAME", "devstoreaccount1",
                "AZURE_STORAGE_ACCOUNT_KEY", azuriteKey(),
                "SPRING_CLOUD_AZURE_EVENTHUBS_PROCESSOR_CHECKPOINTSTORE_ENDPOINT",
                "http://" + AZURITE.getHost() + ":" + AZURITE.getMappedPort(10000) + "/devstoreaccount1",
                "SPRING_CLOUD_AZURE_EVENTHUBS_PROCESSOR_CHECKPOINTSTORE_CREATECONTAINERIFNOTEXISTS", "true");
    }

    @Override
    List<BrokerEvent> contractEvents(String number) {
        List<BrokerEvent> found = new ArrayList<>();
        try (EventHubConsumerClient consumer = new EventHubClientBuilder()
                .connectionString(EVENT_HUBS.getConnectionString(), "contract-events")
                .consumerGroup(EventHubClientBuilder.DEFAULT_CONSUMER_GROUP_NAME)
                .buildConsumerClient()) {
            for (String partition : consumer.getPartitionIds()) {
                for (PartitionEvent event : consumer.receiveFromPartition(partition, 500, EventPosition.earliest(), Duration.ofSeconds(5))) {
                    if (number.equals(event.getData().getProperties().get(CloudEventHeaders.SUBJECT))) {
                        found.add(new BrokerEvent(partition, event.getData().getPartitionKey(), event.getData().getProperties(),
                                event.getData().getBodyAsString()));
                    }
                }
            }
        }
        return found;
    }

    private static String azuriteKey() {
        for (String part : AZURITE.getConnectionString().split(";")) {
            if (part.startsWith("AccountKey=")) {
                return part.substring("AccountKey=".length());
            }
        }
        throw new AssertionError("Azurite's connection string has no AccountKey");
    }

}
