package com.acme.orders;

import dev.stele.annotation.*;

@Event(name = "ParcelShipped")
record ParcelShipped(@StreamId String parcelId) {
}
