package com.fniexchange.contract.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.spring.cloud.stream.binder.eventhubs.implementation.EventHubsMessageChannelBinder;
import com.azure.spring.cloud.stream.binder.eventhubs.core.properties.EventHubsProducerProperties;
import com.azure.spring.messaging.AzureHeaders;
import com.fniexchange.contract.ContractServiceTest;
import com.fniexchange.platform.outbox.OutboxProperties;
import com.fniexchange.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.messaging.MessageChannel;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The production profile: the application context loads with the Event Hubs binder as default,
 * the contract-events binding points at its hub, sends are synchronous and keyed by the
 * contract number through azure_partition_key. No Azure is reached: the relay is off and the
 * connection string is a placeholder.
 */
@ContractServiceTest
@ActiveProfiles({"test", "eventhubs"})
@TestPropertySource(properties = {
        "AZURE_EVENTHUBS_CONNECTION_STRING=Endpoint=sb://fni-placeholder.servicebus.windows.net/;SharedAccessKeyName=placeholder;SharedAccessKey=cGxhY2Vob2xkZXI=",
        "AZURE_STORAGE_ACCOUNT_NAME=fniplaceholder",
        "AZURE_STORAGE_ACCOUNT_KEY=cGxhY2Vob2xkZXI=",
        "fni.outbox.relay-enabled=false",
        TestInfrastructure.ISOLATED_DATABASE + "=true"})
@DirtiesContext
class EventHubsProfileTest {

    @Autowired
    BindingServiceProperties bindings;
    @Autowired
    OutboxProperties outbox;
    @Autowired
    BinderFactory binders;

    @Test
    void contractEventsAreBoundToTheirEventHubWithSyncSendsKeyedByContractNumber() {
        assertThat(bindings.getDefaultBinder()).isEqualTo("eventhubs");
        assertThat(bindings.getBindingDestination("contract-events-out-0")).isEqualTo("contract-events");
        assertThat(bindings.getBinder("contract-events-out-0")).isEqualTo("eventhubs");
        assertThat(bindings.getBindingProperties("contract-events-out-0").getContentType()).isEqualTo("application/json");

        Binder<MessageChannel, ?, ?> binder = binders.getBinder("eventhubs", MessageChannel.class);
        assertThat(binder).isInstanceOf(EventHubsMessageChannelBinder.class);
        EventHubsProducerProperties producer = ((EventHubsMessageChannelBinder) binder)
                .getExtendedProducerProperties("contract-events-out-0");
        assertThat(producer.isSync()).isTrue();
        assertThat(producer.getSendTimeout()).hasSeconds(10);
        // the relay puts the contract number in the header the Event Hubs binder reads the partition key from
        assertThat(outbox.partitionKeyHeader()).isEqualTo(AzureHeaders.PARTITION_KEY);
    }
}
