// Starts Swagger UI on /api/docs over comity's OpenAPI schema. Kept out of the page so that
// the page needs no inline script (the Content-Security-Policy allows only the server's own).
window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
