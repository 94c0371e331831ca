// a file of its own, not an inline script: the page's Content-Security-Policy allows only its own scripts
window.ui = SwaggerUIBundle({
  url: "/api/openapi.yml",
  dom_id: "#reference",
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: true,
  persistAuthorization: false
});
