// Replaces the webjar's own initializer (which shows the petstore): the gateway's document, nothing else. No top
// bar, so no box to load another document into the page; no validator badge, which would call validator.swagger.io.
window.ui = SwaggerUIBundle({
  url: '/v3/api-docs',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  layout: 'BaseLayout',
});
