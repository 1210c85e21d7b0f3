package com.propty.kit;

import com.propty.internaltoken.InternalIdentity;
import com.propty.internaltoken.InternalTokenSigner;
import java.io.IOException;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * This service's own identity for its calls to another service: a fresh internal token (subject
 * {@code service:<spring.application.name>}, role SERVICE) on every request of a {@code RestClient} it intercepts.
 */
public final class ServiceTokens implements ClientHttpRequestInterceptor {

    private final InternalTokenSigner signer;
    private final InternalIdentity identity;

    ServiceTokens(InternalTokenSigner signer, String serviceName) {
        this.signer = signer;
        this.identity = InternalIdentity.service(serviceName);
    }

    public String token() {
        return signer.sign(identity);
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        request.getHeaders().setBearerAuth(token());
        return execution.execute(request, body);
    }
}
