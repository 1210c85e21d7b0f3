package com.propty.history.targets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the resend detail's use case to its store. */
@Configuration
class TargetsConfiguration {

    @Bean
    ResendTargets resendTargets(MongoTemplate mongo) {
        return new ResendTargets(new MongoTargetStore(mongo));
    }
}
