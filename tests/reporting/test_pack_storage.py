"""Packs go through Django's storage API: a folder by default, or an S3-compatible bucket.

The bucket test runs moto's standalone S3 server on 127.0.0.1 as a subprocess: the pack is
built into it and downloaded back through the page and the API as any client would.
"""

import hashlib
import sys

import boto3
import pytest
from botocore.config import Config
from django.urls import reverse

from reporting import packs
from reporting.choices import PackStatus
from tests import factories
from tests.helpers import pdf_text, token_client
from tests.servers import free_port, running
from tests.strategy.test_settings import run_with

BUCKET = "ict-strategy-packs"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture
def s3_endpoint():
    port = free_port()
    with running([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], port=port, timeout=60):
        yield f"http://127.0.0.1:{port}"


def s3_storage(endpoint: str) -> dict:
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": BUCKET, "endpoint_url": endpoint, "region_name": "eu-west-2",
            "access_key": CREDENTIALS["AWS_ACCESS_KEY_ID"], "secret_key": CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
            "file_overwrite": False, "default_acl": None,
        },
    }


def test_the_bucket_is_configured_from_the_environment():
    code = (
        "import django; django.setup(); from django.core.files.storage import storages; s = storages['default']; "
        "print(type(s).__name__, *[getattr(s, name, '-') for name in "
        "('bucket_name', 'endpoint_url', 'region_name', 'access_key', 'file_overwrite')])"
    )
    folder = run_with("strategy.settings.production", code=code, SECRET_KEY="x" * 50)
    assert folder.stdout.split() == ["FileSystemStorage", "-", "-", "-", "-", "-"], folder.stderr
    bucket = run_with(
        "strategy.settings.production", code=code, SECRET_KEY="x" * 50, AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL="https://minio.example.internal:9000", AWS_S3_REGION_NAME="eu-west-2", **CREDENTIALS,
    )
    assert bucket.stdout.split() == ["S3Storage", BUCKET, "https://minio.example.internal:9000", "eu-west-2", "testing", "False"], bucket.stderr


@pytest.mark.pdf
def test_a_pack_is_built_into_the_bucket_and_downloaded_from_it(
    s3_endpoint, pack_plan, settings, client, django_capture_on_commit_callbacks, tmp_path
):
    s3 = boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-west-2",
                      aws_access_key_id="testing", aws_secret_access_key="testing")
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    settings.STORAGES = {**settings.STORAGES, "default": s3_storage(s3_endpoint)}
    lead = factories.lead()
    with django_capture_on_commit_callbacks(execute=True):
        pack = packs.pack_request(period=pack_plan["q2"], requested_by=lead)
    pack.refresh_from_db()
    assert pack.status == PackStatus.READY, pack.error

    [stored] = s3.list_objects_v2(Bucket=BUCKET)["Contents"]
    assert stored["Key"] == pack.file.name and stored["Key"].startswith("packs/")
    assert hashlib.sha256(s3.get_object(Bucket=BUCKET, Key=stored["Key"])["Body"].read()).hexdigest() == pack.sha256

    client.force_login(lead)
    page = client.get(reverse("pack-download", args=[pack.pk]))
    api = token_client(lead).get(f"/api/v1/packs/{pack.pk}/download/")
    for response in (page, api):
        assert response.status_code == 200
        content = b"".join(response.streaming_content)
        assert content.startswith(b"%PDF") and hashlib.sha256(content).hexdigest() == pack.sha256
    (tmp_path / "pack.pdf").write_bytes(content)
    assert "2024/25 Q2" in pdf_text(tmp_path / "pack.pdf")

    # A rebuild is a new object: the first version's file is never replaced.
    with django_capture_on_commit_callbacks(execute=True):
        second = packs.pack_request(period=pack_plan["q2"], requested_by=lead)
    second.refresh_from_db()
    keys = {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert keys == {pack.file.name, second.file.name} and len(keys) == 2


def test_a_bucket_that_cannot_be_reached_puts_the_pack_back_for_a_retry(pack_plan, settings):
    # Nothing listens on this port: the save fails as an outage would, and the task will retry.
    unreachable = s3_storage(f"http://127.0.0.1:{free_port()}")
    unreachable["OPTIONS"]["client_config"] = Config(connect_timeout=1, retries={"max_attempts": 1})
    settings.STORAGES = {**settings.STORAGES, "default": unreachable}
    pack = packs.pack_request(period=pack_plan["q2"], requested_by=factories.lead())
    with pytest.raises(packs.TransientPackError, match="The file could not be saved"):
        packs.pack_build(pack_id=pack.pk)
    pack.refresh_from_db()
    assert pack.status == PackStatus.QUEUED and not pack.file
