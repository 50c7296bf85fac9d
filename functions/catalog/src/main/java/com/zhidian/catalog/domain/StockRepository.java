package com.zhidian.catalog.domain;

import com.zhidian.core.dynamo.TransactionPart;
import java.util.List;
import java.util.Map;

/**
 * Stock levels and their movements. Every write puts the level change and its movement(s) in one transaction, so
 * on hand always equals the sum of the movements; decreases are conditional on the available stock, so no
 * interleaving of writers can take it below zero.
 */
public interface StockRepository {
    StockLevel level(String tenantId, String storeId, String gtin);

    Listing<StockLevel> levels(String tenantId, String storeId, int limit, String cursor);

    /** On hand up by the movement's delta, its cost the last cost; with an expiry date, an expiry lot too. */
    void receive(String tenantId, Movement m);

    /** Sets on hand to the count, if the level is still at {@code before.version()}; false when it moved meanwhile. */
    boolean count(String tenantId, StockLevel before, Movement m);

    /** Adds the movement's delta; a decrease needs that much available, else {@link CatalogErrors.InsufficientStock}. */
    void adjust(String tenantId, Movement m);

    /** Both stores' levels and movements, and the transfer record, in one transaction. */
    void transfer(String tenantId, Transfer t, List<Movement> movements);

    /** Holds the lines for an order; refused as a whole when one line lacks stock or the order already holds some. */
    void reserve(String tenantId, String storeId, String orderId, Map<String, Long> lines, List<Movement> movements);

    /**
     * The writes of {@link #reserve}, for an order that holds stock in its own transaction. A refusal within the part
     * is {@link CatalogErrors.InsufficientStock} naming the line, or {@link CatalogErrors.AlreadyReserved}.
     */
    TransactionPart reservePart(String tenantId, String storeId, String orderId, Map<String, Long> lines, List<Movement> movements);

    /** The writes of {@link #commit} ({@code sold}) or {@link #release}; a refusal within the part means "read again". */
    TransactionPart settlePart(String tenantId, String storeId, String orderId, Map<String, Long> held, List<Movement> movements,
                               boolean sold);

    /** Goods back on hand (a refund that restocks): each movement's positive delta, with the movement. */
    TransactionPart returnPart(String tenantId, List<Movement> movements);

    /** What an order holds in a store: gtin → quantity (empty when nothing). */
    Map<String, Long> reservations(String tenantId, String storeId, String orderId);

    /** Sold: on hand and reserved down by what the order held; its hold is gone. False when it was gone already. */
    boolean commit(String tenantId, String storeId, String orderId, Map<String, Long> held, List<Movement> movements);

    /** Released: the hold goes back to available. False when it was gone already. */
    boolean release(String tenantId, String storeId, String orderId, Map<String, Long> held, List<Movement> movements);

    /** Newest first. */
    Listing<Movement> movements(String tenantId, String storeId, String gtin, int limit, String cursor);

    /** Every expiry lot of the store ({@code onShelf} 0: not yet worked out), oldest expiry first. */
    List<ExpiryLot> lots(String tenantId, String storeId);

    /** On hand of these products in the store (absent: none). */
    Map<String, Long> onHand(String tenantId, String storeId, java.util.Collection<String> gtins);

    /**
     * The store's last receipt cost of these products (absent: no receipt in the store yet), what a store price is
     * compared with ({@link PriceRules#belowCost}); a price import reads a chunk's at once.
     */
    Map<String, Long> lastCosts(String tenantId, String storeId, java.util.Collection<String> gtins);
}
