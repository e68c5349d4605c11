FROM python:3.11-slim-bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation poppler-utils \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -c constraints.txt .
RUN useradd --create-home app && mkdir -p /data/media /app/staticfiles && chown app /data/media /app/staticfiles
USER app
ENV PYTHONUNBUFFERED=1
