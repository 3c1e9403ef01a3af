"""Checkout load for Locust: each simulated customer registers, logs in, then repeatedly adds a
product to the cart and places the order (with an Idempotency-Key). Run by bench/checkout.

The products (ids, plenty of stock) come from BENCH_PRODUCT_IDS (comma separated)."""

import os
import random
import uuid

from locust import HttpUser, between, task

PRODUCTS = os.environ["BENCH_PRODUCT_IDS"].split(",")
ADDRESS = {"name": "Bench Customer", "line1": "1 Load Street", "city": "Berlin", "country": "DE"}


class Customer(HttpUser):
    wait_time = between(0, 0.01)

    def on_start(self):
        email = f"bench-{uuid.uuid4().hex}@example.com"
        password = "bench password 123"
        self.client.post("/auth/register", json={"email": email, "password": password, "name": "Bench"},
                         name="/auth/register")
        tokens = self.client.post("/auth/login", json={"email": email, "password": password},
                                  name="/auth/login").json()
        self.client.headers["authorization"] = f"Bearer {tokens['access_token']}"

    @task
    def checkout(self):
        product = random.choice(PRODUCTS)
        self.client.post("/cart/add", json={"product_id": product, "quantity": 1}, name="/cart/add")
        key = str(uuid.uuid4())
        with self.client.post("/orders", json={"shipping_address": ADDRESS},
                              headers={"Idempotency-Key": key}, name="/orders",
                              catch_response=True) as response:
            if response.status_code == 201:
                response.success()
            else:
                response.failure(f"{response.status_code}: {response.text[:200]}")
