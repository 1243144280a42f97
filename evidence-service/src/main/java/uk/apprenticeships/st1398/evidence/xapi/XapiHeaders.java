package uk.apprenticeships.st1398.evidence.xapi;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every /xapi answer, problems included, carries {@code X-Experience-API-Version} (Communication 3.3); a 401
 * there names HTTP Basic as the scheme LMSs use (RFC 7617).
 */
public class XapiHeaders {

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/xapi") && !path.startsWith("/xapi/")) {
            return;
        }
        response.getHeaders()
                .putSingle(
                        XapiResource.VERSION_HEADER,
                        XapiVersions.answer(request.getHeaderString(XapiResource.VERSION_HEADER)));
        if (response.getStatus() == 401) {
            response.getHeaders().add("WWW-Authenticate", "Basic realm=\"xapi\", charset=\"UTF-8\"");
        }
    }
}
