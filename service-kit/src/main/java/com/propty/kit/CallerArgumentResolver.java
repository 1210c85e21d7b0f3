package com.propty.kit;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Builds a {@link Caller} from the identity headers the gateway adds; without them the request is 401. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        String id = request.getHeader(Caller.ID_HEADER);
        if (id == null || id.isBlank()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Authentication required",
                    "This service is reached through the gateway, which authenticates the caller.");
        }
        String name = Caller.decodeName(request.getHeader(Caller.NAME_HEADER));
        return new Caller(id, name == null || name.isBlank() ? id : name,
                split(request.getHeader(Caller.ROLES_HEADER)), split(request.getHeader(Caller.PROPERTIES_HEADER)));
    }

    private static Set<String> split(String header) {
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
