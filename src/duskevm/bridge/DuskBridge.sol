// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.30;

/// DuskEVM's side of the native bridge (docs/bridge.md), installed in the EVM lane's
/// genesis at 0x0000000000000000000000000000000000B41D6E.
///
/// withdraw(dsKey) takes the DUSK sent with it (msg.value, in wei) and announces it with a
/// Withdrawal event; the lane reads the events of the bridge's address from the block's
/// successful transactions, credits each amount to the DuskDS key once the block is
/// final, and burns the bridge's balance on the EVM side at the end of the block. The
/// contract itself holds no state and has no way to send value out: it has no receive
/// or fallback function, so plain transfers to it revert.
contract DuskBridge {
    /// `to` is the 96-byte DuskDS (Moonlight) public key credited; `amountLux` is
    /// msg.value / 10^9.
    event Withdrawal(address indexed from, bytes to, uint256 amountLux);

    uint256 private constant WEI_PER_LUX = 1e9;
    uint256 private constant DS_KEY_BYTES = 96;

    function withdraw(bytes calldata dsKey) external payable {
        require(dsKey.length == DS_KEY_BYTES, "DuskBridge: the key must be 96 bytes");
        require(msg.value > 0, "DuskBridge: nothing to withdraw");
        require(msg.value % WEI_PER_LUX == 0, "DuskBridge: not a whole number of LUX");
        require(msg.value / WEI_PER_LUX <= type(uint64).max, "DuskBridge: amount too large");
        emit Withdrawal(msg.sender, dsKey, msg.value / WEI_PER_LUX);
    }
}
