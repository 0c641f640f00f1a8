package com.fniexchange.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest service that uses the platform: what the platform's own tests run. */
@SpringBootApplication
public class PlatformTestApplication {
}
