"""Checkout load for Locust: each simulated customer registers and logs in, then repeatedly
adds a product to the cart, places the order and pays it with the sandbox card (each request
with its own Idempotency-Key). Besides the per-request rows, Locust reports the whole flow as
"checkout (add + place + pay)". Run by bench/checkout.

The products (ids, plenty of stock) come from BENCH_PRODUCT_IDS (comma separated)."""

import os
import random
import time
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

    def post(self, path, body, expected, key=None):
        headers = {"Idempotency-Key": key} if key else {}
        with self.client.post(path, json=body, headers=headers, name=path, catch_response=True) as r:
            if r.status_code == expected:
                r.success()
                return r.json()
            r.failure(f"{r.status_code}: {r.text[:200]}")
            return None

    @task
    def checkout(self):
        started = time.perf_counter()
        product = random.choice(PRODUCTS)
        if self.post("/cart/add", {"product_id": product, "quantity": 1}, 200) is None:
            return
        order = self.post("/orders", {"shipping_address": ADDRESS}, 201, key=str(uuid.uuid4()))
        if order is None:
            return
        payment = self.post("/payments", {"order_id": order["id"], "payment_method": "pm_card_ok"}, 200,
                            key=str(uuid.uuid4()))
        if payment is None:
            return
        self.environment.events.request.fire(
            request_type="FLOW", name="checkout (add + place + pay)",
            response_time=(time.perf_counter() - started) * 1000, response_length=0,
            exception=None, context={})
