// Swagger UI over this desk's own schema; everything it loads is served by the desk.
window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null});
