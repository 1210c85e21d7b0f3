package com.propty.delivery.email;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sendgrid.*}. The API key and the webhook public key have no default outside the local profile:
 * start-up fails without SENDGRID_API_KEY and SENDGRID_WEBHOOK_PUBLIC_KEY.
 *
 * @param host      API host, e.g. {@code api.sendgrid.com} or the simulator's {@code localhost:8089}
 * @param plainHttp http instead of https (the local simulator)
 * @param batchSize personalizations per API call (SendGrid's limit is 1,000)
 */
@Validated
@ConfigurationProperties("sendgrid")
public record SendGridProperties(@NotBlank String apiKey, @NotBlank String host, boolean plainHttp,
        @NotBlank String webhookPublicKey, @NotBlank String fromAddress, @Min(1) int batchSize,
        Duration connectTimeout, Duration readTimeout) {

    @Override
    public String toString() {
        return "SendGridProperties[host=" + host + ", plainHttp=" + plainHttp + ", batchSize=" + batchSize + "]";
    }
}
