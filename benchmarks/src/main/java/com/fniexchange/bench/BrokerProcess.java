package com.fniexchange.bench;

import com.fniexchange.testsupport.TestKafka;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node KRaft Kafka broker as a process of its own, so the service under load and the
 * broker do not share a JVM (a broker inside the service would hide its cost and die with it).
 * Argument: the port. Runs until killed.
 */
public final class BrokerProcess {

    private BrokerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "19092");
        EmbeddedKafkaKraftBroker broker = TestKafka.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "broker-stop"));
        System.out.println("broker ready on " + broker.getBrokersAsString());
        Thread.currentThread().join();
    }
}
