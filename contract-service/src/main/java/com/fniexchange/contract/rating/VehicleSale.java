package com.fniexchange.contract.rating;

import java.time.LocalDate;

/** The dates and model year that the sale-window rules look at. */
interface VehicleSale {

    Integer modelYear();

    LocalDate vehicleInServiceDate();

    LocalDate saleDate();
}
