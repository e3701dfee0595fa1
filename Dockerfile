# One image recipe for both apps, built from the repository root (docker compose build, context "."):
#   docker build --build-arg MODULE=course-query --build-arg PORT=8081 .
ARG MODULE=course-command

FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl ${MODULE} -am package && cp ${MODULE}/target/${MODULE}-*-exec.jar /src/app.jar

FROM eclipse-temurin:17-jre
ARG PORT=8080
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/app.jar /app/app.jar
EXPOSE ${PORT}
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
